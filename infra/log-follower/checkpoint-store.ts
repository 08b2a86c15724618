import { AppError } from '../../domain/shared';
import { startOfLog } from '../ports/event-store';
import type { LogCursor, Page } from './read-page';

/**
 * Where a follower of the log keeps its checkpoint, and how a page and the checkpoint after it become
 * one step: in the SQL transaction that applies the batch, in a state document written after the
 * batch's writes, after the broker acknowledged a publish, or in memory.
 *
 * `Scope` is what the page's handler writes through (the transaction, for the SQL store).
 */
export interface CheckpointStore<Cursor extends LogCursor = LogCursor, Scope = void> {
  /** Where following resumes; creates whatever must exist first. */
  load(): Promise<Cursor>;
  /**
   * Takes `page` (read after `cursor`) in: runs `apply` and records `page.next`, as one step as far as
   * the store allows, and resolves with the cursor after. Throws CheckpointConflictError when another
   * instance moved the checkpoint since `cursor`; then nothing is recorded.
   */
  commit(cursor: Cursor, page: Page, apply: (scope: Scope) => Promise<void>): Promise<Cursor>;
  /** Events to read after `cursor` (a store that re-reads a batch in flight reads exactly that many). */
  readLimit?(cursor: Cursor, batchSize: number): number;
}

/** What a follower does with one page, inside the store's commit. */
export type PageHandler<Cursor extends LogCursor = LogCursor, Scope = void> = (
  page: Page,
  at: { readonly cursor: Cursor; readonly scope: Scope },
) => Promise<void> | void;

/** Another instance moved the checkpoint this follower started from: taking the page in would repeat it. */
export class CheckpointConflictError extends AppError {
  constructor(
    /** Who follows: "projection bookings", "integration relay main". */
    readonly follower: string,
    readonly expected: string,
  ) {
    super(
      'CONCURRENCY_CONFLICT',
      `Checkpoint of ${follower} is no longer ${JSON.stringify(expected)}: another runner advanced it`,
      { follower, expected },
    );
  }
}

/** A checkpoint in this process only: following starts from the beginning of the log in every process. */
export class MemoryCheckpoints implements CheckpointStore {
  private recorded: LogCursor = { checkpoint: startOfLog, position: 0 };

  load(): Promise<LogCursor> {
    return Promise.resolve(this.recorded);
  }

  async commit(cursor: LogCursor, page: Page, apply: () => Promise<void>): Promise<LogCursor> {
    if (cursor.checkpoint !== this.recorded.checkpoint) {
      throw new CheckpointConflictError('an in-memory follower', cursor.checkpoint);
    }
    await apply();
    this.recorded = page.next;
    return page.next;
  }
}
