import type { EventStore } from '../../infra/ports/event-store';
import type { SqlClient } from '../../infra/ports/sql';
import { backoffDelay, pause, type BackoffOptions, CoalescingLoop, Mutex } from '../../infra/log-follower';
import { CheckpointConflictError } from './errors';
import type { ProjectionLogger } from './logger';
import { applyNextBatch, type LiveCursor } from './live-batch';
import type { SqlProjection } from '../../infra/log-follower';
import { errorMessage } from './status';

export type { LiveCursor };

export type FollowerPhase = 'catching-up' | 'live' | 'failed';

export type FollowerDeps = {
  readonly sql: SqlClient;
  readonly store: EventStore;
  readonly projection: SqlProjection;
  readonly batchSize: number;
  readonly pollIntervalMs: number;
  readonly backoff: BackoffOptions;
  readonly logger: ProjectionLogger;
  readonly onProgress: (cursor: LiveCursor) => void;
  readonly onPhase: (phase: FollowerPhase, error: string | null) => void;
  /** Someone else moved the checkpoint: this instance must stop. */
  readonly onConflict: (error: CheckpointConflictError) => void;
};

/** Applies the log to the live generation in batches: catch-up, then wake-ups plus a polling fallback. */
export class LiveFollower {
  phase: FollowerPhase = 'catching-up';
  private readonly mutex = new Mutex();
  private readonly loop = new CoalescingLoop(() => this.drain());
  private readonly abort = new AbortController();
  private failures = 0;
  private timer: NodeJS.Timeout | undefined;
  private unwatch: (() => void) | undefined;

  constructor(
    private readonly deps: FollowerDeps,
    private current: LiveCursor,
    /** False while a new version is being built: the old generation is served as it stands. */
    private applyingNow: boolean,
  ) {}

  get cursor(): LiveCursor {
    return this.current;
  }

  get applying(): boolean {
    return this.applyingNow;
  }

  start(): void {
    this.unwatch = this.deps.store.watch(() => this.loop.wake(), {
      categories: this.deps.projection.filter?.categories,
    });
    this.timer = setInterval(() => this.loop.wake(), this.deps.pollIntervalMs);
    this.loop.wake();
  }

  wake(): void {
    this.loop.wake();
  }

  /** Continues from another generation (after a rebuild swapped it in), applying again. */
  resumeAt(cursor: LiveCursor): void {
    this.current = cursor;
    this.applyingNow = true;
    this.loop.wake();
  }

  /** Runs `task` between two batches: the live loop waits until it is done. */
  exclusive<T>(task: () => Promise<T>): Promise<T> {
    return this.mutex.run(task);
  }

  async stop(): Promise<void> {
    this.abort.abort();
    clearInterval(this.timer);
    this.unwatch?.();
    await this.loop.idle();
    await this.mutex.run(async () => {});
  }

  private async drain(): Promise<void> {
    while (this.applying && !this.abort.signal.aborted) {
      let more: boolean;
      try {
        more = await this.mutex.run(() => this.step());
      } catch (error) {
        if (error instanceof CheckpointConflictError) return this.deps.onConflict(error);
        this.failures += 1;
        const delay = backoffDelay(this.failures, this.deps.backoff);
        this.deps.logger.warn('projection batch failed; retrying', {
          projection: this.deps.projection.name,
          attempt: this.failures,
          retryInMs: delay,
          error: errorMessage(error),
        });
        this.setPhase('failed', errorMessage(error));
        if (!(await pause(delay, this.abort.signal))) return;
        continue;
      }
      this.failures = 0;
      if (!more) return;
    }
  }

  /** One batch; true when more events are readable right away. */
  private async step(): Promise<boolean> {
    if (!this.applying || this.abort.signal.aborted) return false;
    const { cursor, endOfLog } = await applyNextBatch(this.deps, this.current);
    this.current = cursor;
    this.setPhase(endOfLog ? 'live' : 'catching-up', null);
    this.deps.onProgress(cursor);
    return !endOfLog;
  }

  private setPhase(phase: FollowerPhase, error: string | null): void {
    if (phase === this.phase && phase !== 'failed') return;
    this.phase = phase;
    this.deps.onPhase(phase, error);
  }
}
