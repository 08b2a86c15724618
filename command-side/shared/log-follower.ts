import { AppError } from '../../domain/shared';
import type { Logger } from '../../infra/ports/logger';
import { Follower, MemoryCheckpoints, type LogFilter, type Page } from '../../infra/log-follower';
import {
  CheckpointWaiters,
  startOfLog,
  type Checkpoint,
  type EventStore,
} from '../../infra/ports/event-store';

export type FollowerOptions = {
  /** Events read per page. Default 1000. */
  readonly batchSize?: number;
  /** Polling fallback for missed wake-ups (and retries after a failure). Default 500 ms. */
  readonly pollIntervalMs?: number;
  /** Default timeout of `waitFor`. Default 5000 ms. */
  readonly catchUpTimeoutMs?: number;
  readonly logger?: Pick<Logger, 'warn'>;
};

/**
 * Keeps something in this process in step with the event store, on the log-following engine with a
 * checkpoint in memory: `start` reads the log from the start (errors reach the caller, so the process is
 * not ready before), then it follows wake-ups and a polling timer. A page that fails is read again.
 */
export abstract class LogFollower {
  private readonly waiters = new CheckpointWaiters();
  private readonly follower: Follower;
  private readonly catchUpTimeoutMs: number;

  protected constructor(
    store: EventStore,
    /** What it follows, for messages: "the catalog view". */
    private readonly description: string,
    filter: LogFilter,
    options: FollowerOptions,
  ) {
    this.catchUpTimeoutMs = options.catchUpTimeoutMs ?? 5000;
    const pollIntervalMs = options.pollIntervalMs ?? 500;
    this.follower = new Follower({
      store,
      checkpoints: new MemoryCheckpoints(),
      handle: (page) => this.applyPage(page),
      description,
      filter,
      batchSize: options.batchSize ?? 1000,
      pollIntervalMs,
      retryDelayMs: () => pollIntervalMs,
      ...(options.logger ? { logger: options.logger } : {}),
      onProgress: (cursor) => this.waiters.reached(cursor.checkpoint),
    });
  }

  /** Takes one page of the log in; the follower moves past it only once this resolves. */
  protected abstract applyPage(page: Page): Promise<void> | void;

  /** How far the log has been taken in. */
  get position(): Checkpoint {
    return this.follower.cursor?.checkpoint ?? startOfLog;
  }

  start(): Promise<void> {
    return this.follower.start({ catchUpFirst: true });
  }

  async stop(): Promise<void> {
    await this.follower.stop();
    this.waiters.rejectAll(new Error(`${this.description} stopped`));
  }

  /** Resolves once everything up to `checkpoint` has been taken in. */
  waitFor(checkpoint: Checkpoint, timeoutMs = this.catchUpTimeoutMs): Promise<void> {
    const waiting = this.waiters.wait(
      checkpoint,
      this.position,
      timeoutMs,
      () =>
        new AppError(
          'SERVICE_UNAVAILABLE',
          `${this.description} did not catch up within ${timeoutMs} ms; retry`,
        ),
    );
    this.follower.wake();
    return waiting;
  }
}
