export { PgSqlClient, type PgSqlClientOptions } from './pg/pg-sql-client';
export { PGliteSqlClient } from './pglite/pglite-sql-client';
export { quoteIdentifier } from './shared/identifiers';
