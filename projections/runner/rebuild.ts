import type { Checkpoint, EventStore } from '../../infra/ports/event-store';
import type { SqlClient } from '../../infra/ports/sql';
import { backoffDelay, pause, readPage, type BackoffOptions } from '../../infra/log-follower';
import { CheckpointConflictError, ProjectionStoppedError } from './errors';
import { createGeneration, dropGeneration, pointViewsAt } from './generations';
import type { LiveFollower } from './live-follower';
import type { ProjectionLogger } from './logger';
import type { StoredRebuild } from './projection-state';
import { advanceRebuild, beginRebuild, completeRebuild } from './rebuild-state';
import type { SqlProjection } from '../../infra/log-follower';
import { errorMessage, type RebuildProgress } from './status';
import { tableNamesFor } from './table-names';

export type RebuildDeps = {
  readonly sql: SqlClient;
  readonly store: EventStore;
  readonly projection: SqlProjection;
  readonly batchSize: number;
  readonly backoff: BackoffOptions;
  readonly logger: ProjectionLogger;
  readonly signal: AbortSignal;
  readonly follower: LiveFollower;
  readonly onError: (error: string | null) => void;
};

/**
 * Builds the next generation from the first event beside the live one (short transactions, its own
 * guarded checkpoint), then pauses the live loop, catches up the rest and swaps in one transaction.
 */
export class GenerationRebuild {
  private checkpoint: Checkpoint;
  private processed: number;
  private total: number;
  private readonly startedAt: Date;
  private failures = 0;

  private constructor(
    private readonly deps: RebuildDeps,
    private readonly generation: number,
    stored: Omit<StoredRebuild, 'generation' | 'version'>,
  ) {
    this.checkpoint = stored.checkpoint;
    this.processed = stored.processed;
    this.total = stored.total;
    this.startedAt = stored.startedAt;
  }

  static async begin(deps: RebuildDeps, generation: number): Promise<GenerationRebuild> {
    const { projection } = deps;
    const total = (await deps.store.head()).position;
    const startedAt = await deps.sql.transaction(async (tx) => {
      await createGeneration(tx, projection, generation);
      return beginRebuild(tx, projection.name, { generation, version: projection.version, total });
    });
    return new GenerationRebuild(deps, generation, {
      checkpoint: '' as Checkpoint,
      processed: 0,
      total,
      startedAt,
    });
  }

  static resume(deps: RebuildDeps, stored: StoredRebuild): GenerationRebuild {
    return new GenerationRebuild(deps, stored.generation, stored);
  }

  get progress(): RebuildProgress {
    return {
      processed: this.processed,
      total: Math.max(this.total, this.processed),
      startedAt: this.startedAt,
    };
  }

  async run(): Promise<void> {
    await this.catchUp();
    await this.deps.follower.exclusive(async () => {
      await this.catchUp();
      await this.swap();
    });
  }

  private async catchUp(): Promise<void> {
    for (;;) {
      if (this.deps.signal.aborted) throw new ProjectionStoppedError(this.deps.projection.name);
      try {
        const more = await this.step();
        if (this.failures > 0) this.deps.onError(null);
        this.failures = 0;
        if (!more) return;
      } catch (error) {
        if (error instanceof CheckpointConflictError) throw error;
        this.failures += 1;
        const delay = backoffDelay(this.failures, this.deps.backoff);
        this.deps.logger.warn('projection rebuild batch failed; retrying', {
          projection: this.deps.projection.name,
          retryInMs: delay,
          error: errorMessage(error),
        });
        this.deps.onError(errorMessage(error));
        await pause(delay, this.deps.signal);
      }
    }
  }

  private async step(): Promise<boolean> {
    const { sql, store, projection, batchSize } = this.deps;
    const page = await readPage(
      store,
      { checkpoint: this.checkpoint, position: this.processed },
      {
        limit: batchSize,
        ...(projection.filter ? { filter: projection.filter } : {}),
        positions: 'with-head',
      },
    );
    const total = page.head!.position;
    const processed = page.next.position;
    if (page.moved) {
      const step = { from: this.checkpoint, to: page.next.checkpoint, processed, total };
      const tables = tableNamesFor(projection, this.generation);
      await sql.transaction(async (tx) => {
        await advanceRebuild(tx, projection.name, step);
        if (page.events.length > 0) await projection.apply(tx, page.events, tables);
      });
      this.checkpoint = page.next.checkpoint;
    }
    this.processed = processed;
    this.total = total;
    return !page.endOfLog;
  }

  private async swap(): Promise<void> {
    const { sql, projection, follower } = this.deps;
    const live = follower.cursor;
    const swap = {
      liveFrom: live.persisted,
      rebuildAt: this.checkpoint,
      generation: this.generation,
      version: projection.version,
      position: this.processed,
    };
    await sql.transaction(async (tx) => {
      await completeRebuild(tx, projection.name, swap);
      await pointViewsAt(tx, projection, this.generation);
      if (live.generation !== this.generation) await dropGeneration(tx, projection, live.generation);
    });
    follower.resumeAt({
      checkpoint: this.checkpoint,
      persisted: this.checkpoint,
      position: this.processed,
      generation: this.generation,
    });
    this.deps.logger.info('projection rebuilt and swapped', {
      projection: projection.name,
      generation: this.generation,
    });
  }
}
