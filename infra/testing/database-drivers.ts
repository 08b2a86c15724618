import { sqlDrivers, type Driver } from '../../projections/testing';
import { PostgresEventStore } from '../eventstore/postgres';
import { PgSqlClient, PGliteSqlClient } from '../sql';
import { createTestDatabase } from './pg-test-database';

/** PGlite in memory and a fresh database on the real test server, each with an event store on it. */
export const databaseDrivers: Driver[] = sqlDrivers({
  openPglite: () => PGliteSqlClient.open(),
  openPostgres: () => createTestDatabase(),
  connectPostgres: (url) => new PgSqlClient({ connectionString: url, maxConnections: 5 }),
  openStore: (sql) => PostgresEventStore.open(sql),
});
