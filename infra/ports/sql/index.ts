export type { SelectedRow } from './selected-row';
export type { SqlClient, SqlExecutor, SqlLock } from './sql-client';
