export type { SqlClient, SqlExecutor, SqlLock } from './sql-client';
