import { startOfLog } from '../../infra/ports/event-store';
import type { SqlExecutor } from '../../infra/ports/sql';
import { rebuildBeside, type Follower, type RebuildProgress } from '../../infra/log-follower';
import { ProjectionStoppedError } from './errors';
import { generationFollower, type ProjectionContext } from './generation-follower';
import { createGeneration, dropGeneration, pointViewsAt } from './generations';
import type { StoredRebuild } from './projection-state';
import { beginRebuild, completeRebuild } from './rebuild-state';
import { RebuildCheckpoints, type LiveCursor, type RebuildCursor } from './sql-checkpoints';

export type RebuildDeps = ProjectionContext & {
  /** Aborted when the projection stops here: the rebuild stops with it. */
  readonly signal: AbortSignal;
  readonly live: Follower<LiveCursor, SqlExecutor>;
  readonly onError: (error: string | null) => void;
};

/**
 * Builds the next generation from the first event beside the live one (short transactions, its own
 * guarded checkpoint), then pauses the live follower, catches up the rest and swaps in one transaction.
 */
export class GenerationRebuild {
  private readonly follower: Follower<RebuildCursor, SqlExecutor>;
  private readonly startedAt: Date;

  private constructor(
    private readonly deps: RebuildDeps,
    started: RebuildCursor,
    startedAt: Date,
  ) {
    this.startedAt = startedAt;
    this.follower = generationFollower(deps, {
      description: 'projection rebuild',
      checkpoints: new RebuildCheckpoints(deps.sql, deps.projection.name),
      positions: 'with-head',
      cursor: started,
      onPhase: (_phase, error) => deps.onError(error),
    });
    deps.signal.addEventListener('abort', () => void this.follower.stop(), { once: true });
  }

  static async begin(deps: RebuildDeps, generation: number): Promise<GenerationRebuild> {
    const { projection } = deps;
    const total = (await deps.store.head()).position;
    const startedAt = await deps.sql.transaction(async (tx) => {
      await createGeneration(tx, projection, generation);
      return beginRebuild(tx, projection.name, { generation, version: projection.version, total });
    });
    const started = { checkpoint: startOfLog, position: 0, total, generation };
    return new GenerationRebuild(deps, started, startedAt);
  }

  static resume(deps: RebuildDeps, stored: StoredRebuild): GenerationRebuild {
    const { checkpoint, processed, total, generation } = stored;
    return new GenerationRebuild(
      deps,
      { checkpoint, position: processed, total, generation },
      stored.startedAt,
    );
  }

  get progress(): RebuildProgress {
    const { position, total } = this.follower.cursor!;
    return { processed: position, total: Math.max(total, position), startedAt: this.startedAt };
  }

  async run(): Promise<void> {
    const swapped =
      !this.deps.signal.aborted &&
      (await rebuildBeside(this.deps.live, this.follower, (rebuilt) => this.swap(rebuilt)));
    if (!swapped) throw new ProjectionStoppedError(this.deps.projection.name);
  }

  private async swap(rebuilt: RebuildCursor): Promise<void> {
    const { sql, projection, live } = this.deps;
    const current = live.cursor!;
    const swap = {
      liveFrom: current.persisted,
      rebuildAt: rebuilt.checkpoint,
      generation: rebuilt.generation,
      version: projection.version,
      position: rebuilt.position,
    };
    await sql.transaction(async (tx) => {
      await completeRebuild(tx, projection.name, swap);
      await pointViewsAt(tx, projection, rebuilt.generation);
      if (current.generation !== rebuilt.generation) await dropGeneration(tx, projection, current.generation);
    });
    live.resumeAt({
      checkpoint: rebuilt.checkpoint,
      persisted: rebuilt.checkpoint,
      position: rebuilt.position,
      generation: rebuilt.generation,
    });
    this.deps.logger.info('projection rebuilt and swapped', {
      projection: projection.name,
      generation: rebuilt.generation,
    });
  }
}
