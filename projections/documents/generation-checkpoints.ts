import type { CheckpointStore, Page } from '../../infra/log-follower';
import type { DocumentStateStore, GenerationCursor, StoredRebuild } from './document-state';

/**
 * The checkpoint of one generation of a document projection, in its state document. The batch size is
 * recorded before the batch's writes and the checkpoint after them: a batch recorded as in flight is
 * read again with exactly that size, so position guards see exactly the batch they saw.
 */
abstract class GenerationCheckpoints<Cursor extends GenerationCursor> implements CheckpointStore<Cursor> {
  constructor(protected readonly states: DocumentStateStore) {}

  abstract load(): Promise<Cursor>;

  readLimit(cursor: Cursor, batchSize: number): number {
    return cursor.inFlight ?? batchSize;
  }

  async commit(cursor: Cursor, page: Page, apply: () => Promise<void>): Promise<Cursor> {
    const measured = this.measured(cursor, page);
    const count = page.events.length;
    if (count === 0) {
      if (!page.moved && cursor.inFlight === null) return measured;
      const moved = { ...measured, checkpoint: page.next.checkpoint, inFlight: null };
      await this.save(moved);
      return moved;
    }
    if (cursor.inFlight !== count) await this.save({ ...measured, inFlight: count });
    await apply();
    const next = { ...measured, ...page.next, sequence: cursor.sequence + count, inFlight: null };
    await this.save(next);
    return next;
  }

  /** The cursor with what the page tells besides the checkpoint (a rebuild's progress). */
  protected abstract measured(cursor: Cursor, page: Page): Cursor;
  protected abstract save(cursor: Cursor): Promise<void>;
}

/** The live generation's checkpoint. */
export class LiveGenerationCheckpoints extends GenerationCheckpoints<GenerationCursor> {
  async load(): Promise<GenerationCursor> {
    const stored = await this.states.load();
    if (!stored) throw new Error('The state document of the projection is missing');
    return stored.live;
  }

  protected measured(cursor: GenerationCursor): GenerationCursor {
    return cursor;
  }

  protected save(cursor: GenerationCursor): Promise<void> {
    return this.states.saveLive(cursor);
  }
}

/** The checkpoint of the generation being rebuilt, with its progress against the head (`with-head`). */
export class RebuildCheckpoints extends GenerationCheckpoints<StoredRebuild> {
  async load(): Promise<StoredRebuild> {
    const rebuild = (await this.states.load())?.rebuild;
    if (!rebuild) throw new Error('No rebuild is recorded in the state document of the projection');
    return rebuild;
  }

  protected measured(cursor: StoredRebuild, page: Page): StoredRebuild {
    return { ...cursor, total: page.head?.position ?? cursor.total };
  }

  protected save(cursor: StoredRebuild): Promise<void> {
    return this.states.saveRebuild(cursor);
  }
}
