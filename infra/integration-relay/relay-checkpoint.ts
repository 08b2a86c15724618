import type { LogCursor } from '../log-follower';
import { startOfLog, type Checkpoint } from '../ports/event-store';
import type { SqlExecutor } from '../ports/sql';

export type RelayCursor = LogCursor;

/** Another relay of the same name moved the checkpoint: this one lost its lock and must stand down. */
export class RelayCheckpointConflictError extends Error {
  override readonly name = 'RelayCheckpointConflictError';
  constructor(relay: string) {
    super(`integration relay ${relay}: the checkpoint was moved by another instance`);
  }
}

export async function loadCursor(sql: SqlExecutor, relay: string): Promise<RelayCursor> {
  await sql.query(
    `INSERT INTO integration_relay_checkpoints (name, checkpoint) VALUES ($1, $2) ON CONFLICT (name) DO NOTHING`,
    [relay, startOfLog],
  );
  const [row] = await sql.query<{ checkpoint: string; position: string }>(
    'SELECT checkpoint, position::text AS position FROM integration_relay_checkpoints WHERE name = $1',
    [relay],
  );
  return { checkpoint: row!.checkpoint as Checkpoint, position: Number(row!.position) };
}

/** Moves the checkpoint from `from` to `to`; the compare-and-set fences a relay that lost its lock. */
export async function saveCursor(
  sql: SqlExecutor,
  relay: string,
  from: RelayCursor,
  to: RelayCursor,
): Promise<void> {
  const rows = await sql.query(
    `UPDATE integration_relay_checkpoints SET checkpoint = $3, position = $4, updated_at = now()
     WHERE name = $1 AND checkpoint = $2 RETURNING name`,
    [relay, from.checkpoint, to.checkpoint, to.position],
  );
  if (rows.length === 0) throw new RelayCheckpointConflictError(relay);
}
