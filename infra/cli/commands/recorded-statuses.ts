import type { SqlClient } from '../../ports/sql';

export type RecordedStatus = { readonly status: string; readonly error: string | null };

/**
 * The status each SQL projection's active runner last recorded in its state row. A CLI process runs no
 * runner, so its own view says `stopped`; the row says what the process that runs it is doing.
 */
export async function recordedStatuses(
  sql: SqlClient,
  names: readonly string[],
): Promise<Map<string, RecordedStatus>> {
  const [table] = await sql.query<{ present: boolean }>(
    `SELECT to_regclass('projection_state') IS NOT NULL AS present`,
  );
  if (!table?.present) return new Map();
  const rows = await sql.query<{ name: string; status: string; error: string | null }>(
    'SELECT name, status, error FROM projection_state WHERE name = ANY($1::text[])',
    [names],
  );
  return new Map(rows.map((row) => [row.name, { status: row.status, error: row.error }]));
}
