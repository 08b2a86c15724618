import type { Checkpoint } from '../../infra/ports/event-store';
import type { SqlExecutor } from '../../infra/ports/sql';
import { CheckpointConflictError } from './errors';

export type StoredRebuild = {
  readonly generation: number;
  readonly version: number;
  readonly checkpoint: Checkpoint;
  readonly processed: number;
  readonly total: number;
  readonly startedAt: Date;
};

export type StoredState = {
  readonly name: string;
  readonly version: number;
  readonly generation: number;
  readonly checkpoint: Checkpoint;
  readonly position: number;
  readonly status: string;
  readonly error: string | null;
  readonly rebuild: StoredRebuild | null;
};

type StateRow = {
  name: string;
  version: number;
  generation: number;
  checkpoint: string;
  position: string | number;
  status: string;
  error: string | null;
  rebuild_generation: number | null;
  rebuild_version: number | null;
  rebuild_checkpoint: string | null;
  rebuild_processed: string | number | null;
  rebuild_total: string | number | null;
  rebuild_started_at: Date | string | null;
};

export async function loadState(db: SqlExecutor, name: string): Promise<StoredState | undefined> {
  const rows = await db.query<StateRow>('SELECT * FROM projection_state WHERE name = $1', [name]);
  const row = rows[0];
  if (!row) return undefined;
  const rebuild =
    row.rebuild_generation === null
      ? null
      : {
          generation: row.rebuild_generation,
          version: Number(row.rebuild_version),
          checkpoint: (row.rebuild_checkpoint ?? '') as Checkpoint,
          processed: Number(row.rebuild_processed ?? 0),
          total: Number(row.rebuild_total ?? 0),
          startedAt: new Date(row.rebuild_started_at ?? Date.now()),
        };
  return {
    name: row.name,
    version: row.version,
    generation: row.generation,
    checkpoint: row.checkpoint as Checkpoint,
    position: Number(row.position),
    status: row.status,
    error: row.error,
    rebuild,
  };
}

/** Inserts the first row; true when this call created it (and must therefore set up generation 1). */
export async function insertState(tx: SqlExecutor, name: string, version: number): Promise<boolean> {
  const rows = await tx.query(
    `INSERT INTO projection_state (name, version, generation) VALUES ($1, $2, 1)
     ON CONFLICT (name) DO NOTHING RETURNING name`,
    [name, version],
  );
  return rows.length > 0;
}

/**
 * Moves the live checkpoint from `from` to `to`. Guarded by the old value: when another writer moved
 * it, nothing is updated and the caller's transaction must roll back.
 */
export async function advanceCheckpoint(
  tx: SqlExecutor,
  name: string,
  from: Checkpoint,
  to: Checkpoint,
  position: number,
): Promise<void> {
  const rows = await tx.query(
    `UPDATE projection_state SET checkpoint = $3, position = $4, updated_at = now()
     WHERE name = $1 AND checkpoint = $2 RETURNING name`,
    [name, from, to, position],
  );
  if (rows.length === 0) throw new CheckpointConflictError(`projection ${name}`, from);
}

export async function saveStatus(
  db: SqlExecutor,
  name: string,
  status: string,
  error: string | null,
): Promise<void> {
  await db.query(
    `UPDATE projection_state SET status = $2, error = $3, updated_at = now()
     WHERE name = $1 AND (status, error) IS DISTINCT FROM ($2::text, $3::text)`,
    [name, status, error],
  );
}
