import { readPage } from '../../infra/log-follower';
import type { Checkpoint, EventStore } from '../../infra/ports/event-store';
import type { SqlClient } from '../../infra/ports/sql';
import { advanceCheckpoint } from './projection-state';
import type { SqlProjection } from '../../infra/log-follower';
import { tableNamesFor } from './table-names';

/** Where the live generation stands; `persisted` is the value in the state row (the guard). */
export type LiveCursor = {
  readonly checkpoint: Checkpoint;
  readonly persisted: Checkpoint;
  readonly position: number;
  readonly generation: number;
};

type BatchDeps = {
  readonly sql: SqlClient;
  readonly store: EventStore;
  readonly projection: SqlProjection;
  readonly batchSize: number;
};

/**
 * Reads one page after the cursor and applies it in one transaction together with the checkpoint
 * update, which is guarded by the old checkpoint: if another writer moved it, nothing is applied.
 */
export async function applyNextBatch(
  deps: BatchDeps,
  cursor: LiveCursor,
): Promise<{ cursor: LiveCursor; endOfLog: boolean }> {
  const { sql, store, projection, batchSize } = deps;
  const page = await readPage(store, cursor, {
    limit: batchSize,
    ...(projection.filter ? { filter: projection.filter } : {}),
    positions: 'exact',
  });
  const { checkpoint, position } = page.next;
  if (page.events.length > 0) {
    const tables = tableNamesFor(projection, cursor.generation);
    await sql.transaction(async (tx) => {
      // Guard first: a second writer blocks on the row lock here, before it applies anything.
      await advanceCheckpoint(tx, projection.name, cursor.persisted, checkpoint, position);
      await projection.apply(tx, page.events, tables);
    });
    return { cursor: { ...cursor, checkpoint, persisted: checkpoint, position }, endOfLog: page.endOfLog };
  }
  if (!page.moved || !page.head) return { cursor, endOfLog: page.endOfLog };
  return {
    cursor: await skipTo(deps, cursor, checkpoint, position, page.head.checkpoint),
    endOfLog: page.endOfLog,
  };
}

/**
 * The filter skipped everything up to `checkpoint`. Persist it only when events were appended past
 * the stored checkpoint; otherwise the move is just the read horizon passing other transactions (our
 * own checkpoint writes included), and writing it would keep an idle projection writing forever.
 */
async function skipTo(
  deps: BatchDeps,
  cursor: LiveCursor,
  checkpoint: Checkpoint,
  position: number,
  head: Checkpoint,
): Promise<LiveCursor> {
  if (head <= cursor.persisted) return { ...cursor, checkpoint, position };
  const name = deps.projection.name;
  await deps.sql.transaction((tx) => advanceCheckpoint(tx, name, cursor.persisted, checkpoint, position));
  return { ...cursor, checkpoint, persisted: checkpoint, position };
}
