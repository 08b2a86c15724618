import type { SqlExecutor } from '../../infra/ports/sql';
import {
  backoffDelay,
  errorMessage,
  pause,
  type Follower,
  type FollowerPhase,
  type RebuildProgress,
} from '../../infra/log-follower';
import { CheckpointConflictError, ProjectionStoppedError } from './errors';
import { generationFollower, type ProjectionContext } from './generation-follower';
import { ensureFirstGeneration } from './generations';
import { loadState } from './projection-state';
import { GenerationRebuild } from './rebuild';
import { LiveCheckpoints, type LiveCursor } from './sql-checkpoints';

export type ActiveContext = ProjectionContext & {
  readonly onProgress: (cursor: LiveCursor) => void;
  readonly onChange: () => void;
  readonly onConflict: (error: CheckpointConflictError) => void;
};

/** What runs while this instance holds the projection's lock: the live follower and any rebuild. */
export class ActiveProjection {
  liveError: string | null = null;
  rebuildError: string | null = null;
  private rebuildJob: Promise<void> | undefined;
  private current: GenerationRebuild | undefined;
  private readonly abort = new AbortController();
  private readonly follower: Follower<LiveCursor, SqlExecutor>;

  private constructor(
    private readonly ctx: ActiveContext,
    cursor: LiveCursor,
    versionMatches: boolean,
  ) {
    this.follower = generationFollower(ctx, {
      description: 'projection',
      checkpoints: new LiveCheckpoints(ctx.sql, ctx.projection.name),
      positions: 'exact',
      cursor,
      applying: versionMatches,
      onProgress: (next) => ctx.onProgress(next),
      onPhase: (_phase, error) => {
        this.liveError = error;
        ctx.onChange();
      },
      onConflict: ctx.onConflict,
    });
  }

  /** Creates the state row and generation 1 when missing, then starts following the log. */
  static async activate(ctx: ActiveContext): Promise<ActiveProjection> {
    const { sql, projection } = ctx;
    await ensureFirstGeneration(sql, projection);
    const stored = await loadState(sql, projection.name);
    if (!stored) throw new Error(`State row of projection ${projection.name} disappeared`);
    const cursor = {
      checkpoint: stored.checkpoint,
      persisted: stored.checkpoint,
      position: stored.position,
      generation: stored.generation,
    };
    const active = new ActiveProjection(ctx, cursor, stored.version === projection.version);
    await active.follower.start();
    if (stored.rebuild || stored.version !== projection.version) active.rebuild().catch(() => {});
    return active;
  }

  get cursor(): LiveCursor {
    return this.follower.cursor!;
  }

  get phase(): FollowerPhase {
    return this.follower.phase;
  }

  /** False while a new version is being built and the old generation is served frozen. */
  get applying(): boolean {
    return this.follower.applying;
  }

  get rebuilding(): boolean {
    return this.rebuildJob !== undefined;
  }

  get rebuildProgress(): RebuildProgress | undefined {
    return this.current?.progress;
  }

  /** Starts (or joins) a rebuild; resolves once the new generation is live. */
  rebuild(): Promise<void> {
    this.rebuildJob ??= this.runRebuild().finally(() => {
      this.rebuildJob = undefined;
      this.current = undefined;
      this.ctx.onChange();
    });
    this.ctx.onChange();
    return this.rebuildJob;
  }

  async stop(): Promise<void> {
    this.abort.abort();
    await this.follower.stop();
    await this.rebuildJob?.catch(() => {});
  }

  private async runRebuild(): Promise<void> {
    const { sql, projection, logger } = this.ctx;
    const deps = {
      ...this.ctx,
      live: this.follower,
      signal: this.abort.signal,
      onError: (error: string | null) => this.setRebuildError(error),
    };
    for (let attempt = 1; ; attempt += 1) {
      try {
        const stored = (await loadState(sql, projection.name))?.rebuild;
        this.current =
          stored && stored.version === projection.version
            ? GenerationRebuild.resume(deps, stored)
            : await GenerationRebuild.begin(deps, this.cursor.generation + 1);
        logger.info('projection rebuild running', { projection: projection.name, ...this.current.progress });
        this.ctx.onChange();
        await this.current.run();
        this.setRebuildError(null);
        this.ctx.onProgress(this.cursor);
        return;
      } catch (error) {
        if (error instanceof CheckpointConflictError) this.ctx.onConflict(error);
        if (error instanceof CheckpointConflictError || this.abort.signal.aborted) throw error;
        logger.error('projection rebuild failed; retrying', {
          projection: projection.name,
          error: errorMessage(error),
        });
        this.setRebuildError(errorMessage(error));
        if (!(await pause(backoffDelay(attempt, this.ctx.backoff), this.abort.signal))) {
          throw new ProjectionStoppedError(projection.name);
        }
      }
    }
  }

  private setRebuildError(error: string | null): void {
    if (error === this.rebuildError) return;
    this.rebuildError = error;
    this.ctx.onChange();
  }
}
