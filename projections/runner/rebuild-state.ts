import type { Checkpoint } from '../../infra/ports/event-store';
import type { SqlExecutor } from '../../infra/ports/sql';
import { CheckpointConflictError } from './errors';

export async function beginRebuild(
  tx: SqlExecutor,
  name: string,
  rebuild: { generation: number; version: number; total: number },
): Promise<Date> {
  const rows = await tx.query<{ started_at: Date | string }>(
    `UPDATE projection_state SET rebuild_generation = $2, rebuild_version = $3, rebuild_checkpoint = '',
       rebuild_processed = 0, rebuild_total = $4, rebuild_started_at = now(), updated_at = now()
     WHERE name = $1 RETURNING rebuild_started_at AS started_at`,
    [name, rebuild.generation, rebuild.version, rebuild.total],
  );
  return new Date(rows[0]?.started_at ?? Date.now());
}

/** Moves the rebuild checkpoint, guarded by its old value like the live one. */
export async function advanceRebuild(
  tx: SqlExecutor,
  name: string,
  step: { from: Checkpoint; to: Checkpoint; processed: number; total: number },
): Promise<void> {
  const rows = await tx.query(
    `UPDATE projection_state SET rebuild_checkpoint = $3, rebuild_processed = $4, rebuild_total = $5, updated_at = now()
     WHERE name = $1 AND rebuild_checkpoint = $2 RETURNING name`,
    [name, step.from, step.to, step.processed, step.total],
  );
  if (rows.length === 0) throw new CheckpointConflictError(`projection ${name}`, step.from);
}

/** Makes the rebuilt generation the live one; guarded by both the live and the rebuild checkpoint. */
export async function completeRebuild(
  tx: SqlExecutor,
  name: string,
  swap: {
    liveFrom: Checkpoint;
    rebuildAt: Checkpoint;
    generation: number;
    version: number;
    position: number;
  },
): Promise<void> {
  const rows = await tx.query(
    `UPDATE projection_state SET generation = $4, version = $5, checkpoint = $3, position = $6,
       rebuild_generation = NULL, rebuild_version = NULL, rebuild_checkpoint = NULL, rebuild_processed = NULL,
       rebuild_total = NULL, rebuild_started_at = NULL, updated_at = now()
     WHERE name = $1 AND checkpoint = $2 AND rebuild_checkpoint = $3 AND rebuild_generation = $4 RETURNING name`,
    [name, swap.liveFrom, swap.rebuildAt, swap.generation, swap.version, swap.position],
  );
  if (rows.length === 0) throw new CheckpointConflictError(`projection ${name}`, swap.liveFrom);
}
