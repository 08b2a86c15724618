import { AppError } from '../../domain/shared';
import { readPage, type LogCursor, type LogFilter, type Page } from '../../infra/log-follower';
import {
  CheckpointWaiters,
  startOfLog,
  type Checkpoint,
  type EventStore,
} from '../../infra/ports/event-store';

/** The little a follower needs from a logger; the composition root passes a child of the process logger. */
export interface FollowerLogger {
  warn(message: string, fields?: Record<string, unknown>): void;
}

export type FollowerOptions = {
  /** Events read per page. Default 1000. */
  readonly batchSize?: number;
  /** Polling fallback for missed wake-ups (and retries after a failure). Default 500 ms. */
  readonly pollIntervalMs?: number;
  /** Default timeout of `waitFor`. Default 5000 ms. */
  readonly catchUpTimeoutMs?: number;
  readonly logger?: FollowerLogger;
};

/**
 * Keeps something in this process in step with the event store: `start` reads the log from the start
 * (errors reach the caller, so the process is not ready before), then it wakes on `store.watch()` and on
 * a polling timer, one page at a time and never two drains at once. A page that fails is read again.
 */
export abstract class LogFollower {
  private readonly waiters = new CheckpointWaiters();
  private cursor: LogCursor = { checkpoint: startOfLog, position: 0 };
  private readonly batchSize: number;
  private readonly pollIntervalMs: number;
  private readonly catchUpTimeoutMs: number;
  private running: Promise<void> | undefined;
  private again = false;
  private timer: NodeJS.Timeout | undefined;
  private unwatch: (() => void) | undefined;

  protected constructor(
    private readonly store: EventStore,
    /** What it follows, for messages: "the catalog view". */
    private readonly description: string,
    private readonly filter: LogFilter,
    private readonly options: FollowerOptions,
  ) {
    this.batchSize = options.batchSize ?? 1000;
    this.pollIntervalMs = options.pollIntervalMs ?? 500;
    this.catchUpTimeoutMs = options.catchUpTimeoutMs ?? 5000;
  }

  /** Takes one page of the log in; the follower moves past it only once this resolves. */
  protected abstract applyPage(page: Page): Promise<void> | void;

  /** How far the log has been taken in. */
  get position(): Checkpoint {
    return this.cursor.checkpoint;
  }

  async start(): Promise<void> {
    if (this.timer) return;
    await this.drain();
    this.unwatch = this.store.watch(() => this.wake(), { categories: this.filter.categories });
    this.timer = setInterval(() => this.wake(), this.pollIntervalMs);
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    this.timer = undefined;
    this.unwatch?.();
    await this.running;
    this.waiters.rejectAll(new Error(`${this.description} stopped`));
  }

  /** Resolves once everything up to `checkpoint` has been taken in. */
  waitFor(checkpoint: Checkpoint, timeoutMs = this.catchUpTimeoutMs): Promise<void> {
    const waiting = this.waiters.wait(
      checkpoint,
      this.cursor.checkpoint,
      timeoutMs,
      () =>
        new AppError(
          'SERVICE_UNAVAILABLE',
          `${this.description} did not catch up within ${timeoutMs} ms; retry`,
        ),
    );
    this.wake();
    return waiting;
  }

  private wake(): void {
    if (!this.timer) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.follow().finally(() => (this.running = undefined));
  }

  private async follow(): Promise<void> {
    do {
      this.again = false;
      try {
        await this.drain();
      } catch (error) {
        this.options.logger?.warn(
          `${this.description} could not take the log in; retrying on the next poll`,
          {
            error,
          },
        );
        return;
      }
    } while (this.again && this.timer);
  }

  private async drain(): Promise<void> {
    for (;;) {
      const page = await readPage(this.store, this.cursor, { limit: this.batchSize, filter: this.filter });
      await this.applyPage(page);
      this.cursor = page.next;
      this.waiters.reached(this.cursor.checkpoint);
      if (page.endOfLog) return;
    }
  }
}
