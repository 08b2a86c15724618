import type { CheckpointStore, LogCursor, Page } from '../../infra/log-follower';
import type { Checkpoint } from '../../infra/ports/event-store';
import type { SqlClient, SqlExecutor } from '../../infra/ports/sql';
import { advanceCheckpoint, loadState } from './projection-state';
import { advanceRebuild } from './rebuild-state';

/** Where the live generation stands; `persisted` is the value in the state row (the guard). */
export type LiveCursor = LogCursor & { readonly persisted: Checkpoint; readonly generation: number };

/** Where a generation being rebuilt stands; `position` is how far it has been built. */
export type RebuildCursor = LogCursor & { readonly generation: number; readonly total: number };

/**
 * The live checkpoint of a SQL projection, in its state row: moved in the transaction that applies
 * the batch, guarded by the old value (a second writer blocks on the row lock, then finds it moved).
 */
export class LiveCheckpoints implements CheckpointStore<LiveCursor, SqlExecutor> {
  constructor(
    private readonly sql: SqlClient,
    private readonly name: string,
  ) {}

  async load(): Promise<LiveCursor> {
    const stored = await loadState(this.sql, this.name);
    if (!stored) throw new Error(`State row of projection ${this.name} disappeared`);
    const { checkpoint, position, generation } = stored;
    return { checkpoint, persisted: checkpoint, position, generation };
  }

  async commit(
    cursor: LiveCursor,
    page: Page,
    apply: (tx: SqlExecutor) => Promise<void>,
  ): Promise<LiveCursor> {
    const { checkpoint, position } = page.next;
    const advance = (tx: SqlExecutor) =>
      advanceCheckpoint(tx, this.name, cursor.persisted, checkpoint, position);
    if (page.events.length > 0) {
      await this.sql.transaction(async (tx) => {
        // Guard first: a second writer blocks on the row lock here, before it applies anything.
        await advance(tx);
        await apply(tx);
      });
      return { ...cursor, checkpoint, persisted: checkpoint, position };
    }
    if (!page.moved || !page.head) return cursor;
    // The filter skipped everything up to `checkpoint`. Persist it only when events were appended past
    // the stored checkpoint; otherwise the move is just the read horizon passing other transactions
    // (our own checkpoint writes included), and writing it would keep an idle projection writing forever.
    if (page.head.checkpoint <= cursor.persisted) return { ...cursor, checkpoint, position };
    await this.sql.transaction(advance);
    return { ...cursor, checkpoint, persisted: checkpoint, position };
  }
}

/** The checkpoint of the generation being rebuilt, beside the live one in the same state row. */
export class RebuildCheckpoints implements CheckpointStore<RebuildCursor, SqlExecutor> {
  constructor(
    private readonly sql: SqlClient,
    private readonly name: string,
  ) {}

  async load(): Promise<RebuildCursor> {
    const rebuild = (await loadState(this.sql, this.name))?.rebuild;
    if (!rebuild) throw new Error(`No rebuild of projection ${this.name} is recorded`);
    const { checkpoint, processed, total, generation } = rebuild;
    return { checkpoint, position: processed, total, generation };
  }

  /** Reads with the head (`with-head`): the progress is measured against it. */
  async commit(
    cursor: RebuildCursor,
    page: Page,
    apply: (tx: SqlExecutor) => Promise<void>,
  ): Promise<RebuildCursor> {
    const total = page.head!.position;
    const processed = page.next.position;
    if (!page.moved) return { ...cursor, position: processed, total };
    const step = { from: cursor.checkpoint, to: page.next.checkpoint, processed, total };
    await this.sql.transaction(async (tx) => {
      await advanceRebuild(tx, this.name, step);
      if (page.events.length > 0) await apply(tx);
    });
    return { ...cursor, checkpoint: page.next.checkpoint, position: processed, total };
  }
}
