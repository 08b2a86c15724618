import { AppError } from '../../domain/shared';
import { eventCategory } from '../../domain/catalog';
import type { Checkpoint, EventStore } from '../../infra/ports/event-store';
import type { CatalogView } from './catalog-view';
import { CheckpointWaiters } from './checkpoint-waiters';

/** The little the follower needs from a logger; the composition root passes a child of the process logger. */
export interface FollowerLogger {
  warn(message: string, fields?: Record<string, unknown>): void;
}

export type FollowerOptions = {
  /** Events read per page. Default 1000. */
  readonly batchSize?: number;
  /** Polling fallback for missed wake-ups. Default 500 ms. */
  readonly pollIntervalMs?: number;
  /** Default timeout of `waitFor`. Default 5000 ms. */
  readonly catchUpTimeoutMs?: number;
  readonly logger?: FollowerLogger;
};

/**
 * Feeds the in-memory catalog view from the event store: `start` reads the log from the start (the
 * process is not ready before), then the follower wakes on `store.watch()` and on a polling timer.
 */
export class CatalogViewFollower {
  private readonly waiters = new CheckpointWaiters();
  private readonly batchSize: number;
  private readonly pollIntervalMs: number;
  private readonly catchUpTimeoutMs: number;
  private running: Promise<void> | undefined;
  private again = false;
  private timer: NodeJS.Timeout | undefined;
  private unwatch: (() => void) | undefined;

  constructor(
    private readonly store: EventStore,
    readonly view: CatalogView,
    private readonly options: FollowerOptions = {},
  ) {
    this.batchSize = options.batchSize ?? 1000;
    this.pollIntervalMs = options.pollIntervalMs ?? 500;
    this.catchUpTimeoutMs = options.catchUpTimeoutMs ?? 5000;
  }

  /** Catches up with the whole log (errors reach the caller), then follows it. */
  async start(): Promise<void> {
    if (this.timer) return;
    await this.drain();
    this.unwatch = this.store.watch(() => this.wake());
    this.timer = setInterval(() => this.wake(), this.pollIntervalMs);
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    this.timer = undefined;
    this.unwatch?.();
    await this.running;
    this.waiters.rejectAll(new Error('The catalog view stopped'));
  }

  /** Resolves once the view has applied everything up to `checkpoint`. */
  waitFor(checkpoint: Checkpoint, timeoutMs = this.catchUpTimeoutMs): Promise<void> {
    const waiting = this.waiters.wait(
      checkpoint,
      this.view.checkpoint,
      timeoutMs,
      () =>
        new AppError(
          'SERVICE_UNAVAILABLE',
          `The catalog view did not catch up within ${timeoutMs} ms; retry`,
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
        this.options.logger?.warn('catalog view could not read the log; retrying on the next poll', {
          error,
        });
        return;
      }
    } while (this.again && this.timer);
  }

  private async drain(): Promise<void> {
    for (;;) {
      const page = await this.store.readAll({
        after: this.view.checkpoint,
        limit: this.batchSize,
        categories: [eventCategory],
      });
      this.view.apply(page.events, page.checkpoint);
      this.waiters.reached(this.view.checkpoint);
      if (page.endOfLog) return;
    }
  }
}
