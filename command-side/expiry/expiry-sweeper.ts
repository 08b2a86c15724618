import { bookingDecider, bookingStreamId } from '../../domain/booking';
import { AppError, type EventMetadata } from '../../domain/shared';
import type { EventStore } from '../../infra/ports/event-store';
import type { ExpiredHold, InventoryActor } from '../../infra/ports/inventory-actor';
import type { Logger } from '../../infra/ports/logger';
import { handleCommand } from '../shared';

export type ExpirySweeperOptions = {
  /** Pause between the end of one sweep and the start of the next. */
  readonly intervalMs: number;
  /** Holds released per actor call; the sweep calls again while a page comes back full. Default 500. */
  readonly pageSize?: number;
  /** BookingExpired appends in flight at once, so group commit batches them. Default 16 (config: 64). */
  readonly concurrency?: number;
  readonly now?: () => number;
  readonly logger?: Logger;
};

/** What one sweep did. */
export type SweepReport = {
  /** Holds the actor released in this sweep. */
  readonly released: number;
  /** BookingExpired events appended (including retries of earlier sweeps). */
  readonly appended: number;
  /** Released holds that had no booking stream: their BookingReserved was never appended. */
  readonly orphans: number;
  /** Expiries not yet in the log, retried on the next sweep. */
  readonly pending: number;
};

type Tally = { appended: number; orphans: number; failures: number; firstError?: unknown };

export const sweeperUserId = 'system:expiry-sweeper';

/**
 * Returns the seats of expired holds and records their expiry: each sweep asks the actor to release
 * every hold due (one atomic release-if-still-held each), then appends BookingExpired to each booking's
 * stream. The seats are back the moment the actor answers; the event may be late but is never lost
 * while the process lives: a failed append is retried on every sweep until it lands.
 */
export class ExpirySweeper {
  readonly #pending = new Map<string, ExpiredHold>();
  readonly #waiters: ((report: SweepReport) => void)[] = [];
  readonly #now: () => number;
  readonly #pageSize: number;
  readonly #concurrency: number;
  #tail: Promise<unknown> = Promise.resolve();
  #timer: NodeJS.Timeout | undefined;
  #started = false;

  constructor(
    private readonly store: EventStore,
    private readonly actor: InventoryActor,
    private readonly options: ExpirySweeperOptions,
  ) {
    this.#now = options.now ?? Date.now;
    this.#pageSize = options.pageSize ?? 500;
    this.#concurrency = options.concurrency ?? 16;
  }

  async start(): Promise<void> {
    if (this.#started) return;
    this.#started = true;
    this.#schedule();
  }

  /** Stops the timer and waits for a sweep that is running. */
  async stop(): Promise<void> {
    this.#started = false;
    clearTimeout(this.#timer);
    this.#timer = undefined;
    await this.#tail;
  }

  /** One sweep now (after any running one). Rejects when the actor cannot be reached. */
  sweep(): Promise<SweepReport> {
    const run = this.#tail.then(() => this.#sweep());
    this.#tail = run.catch(() => undefined);
    return run;
  }

  /** Resolves with the report of the next sweep that completes. */
  nextSweep(): Promise<SweepReport> {
    return new Promise((resolve) => this.#waiters.push(resolve));
  }

  /** Holds released elsewhere (a rebuild left them out) whose BookingExpired is still owed. */
  adopt(holds: readonly ExpiredHold[]): void {
    for (const hold of holds) this.#pending.set(hold.bookingId, hold);
  }

  #schedule(): void {
    if (!this.#started) return;
    this.#timer = setTimeout(() => {
      this.sweep()
        .catch((error: unknown) =>
          this.options.logger?.warn('expiry sweep failed; retrying on the next tick', { error }),
        )
        .finally(() => this.#schedule());
    }, this.options.intervalMs);
  }

  async #sweep(): Promise<SweepReport> {
    const now = this.#now();
    const tally: Tally = { appended: 0, orphans: 0, failures: 0 };
    const retries = [...this.#pending.values()];
    this.#pending.clear();
    await this.#recordAll(retries, now, tally);
    let released = 0;
    for (;;) {
      const page = await this.actor.expireDue({ now, limit: this.#pageSize });
      released += page.length;
      await this.#recordAll(page, now, tally);
      if (page.length < this.#pageSize) break;
    }
    if (tally.failures > 0) {
      this.options.logger?.warn('BookingExpired could not be appended; retrying on the next sweep', {
        failures: tally.failures,
        error: tally.firstError,
      });
    }
    const report = {
      released,
      appended: tally.appended,
      orphans: tally.orphans,
      pending: this.#pending.size,
    };
    for (const resolve of this.#waiters.splice(0)) resolve(report);
    return report;
  }

  /** Appends the expiries of `holds`, a few at a time; what fails waits in `#pending`. */
  async #recordAll(holds: readonly ExpiredHold[], now: number, tally: Tally): Promise<void> {
    let next = 0;
    const worker = async () => {
      while (next < holds.length) await this.#record(holds[next++]!, now, tally);
    };
    await Promise.all(Array.from({ length: Math.min(this.#concurrency, holds.length) }, worker));
  }

  async #record(hold: ExpiredHold, now: number, tally: Tally): Promise<void> {
    const metadata: EventMetadata = {
      correlationId: hold.bookingId,
      causationId: hold.bookingId,
      userId: sweeperUserId,
    };
    try {
      const outcome = await handleCommand(
        this.store,
        bookingStreamId(hold.bookingId),
        bookingDecider,
        { type: 'Expire', now: new Date(now) },
        metadata,
      );
      if (outcome.events.length > 0) tally.appended++;
    } catch (error) {
      if (error instanceof AppError && error.code === 'NOT_FOUND') {
        // A crash between the hold and its BookingReserved: nothing to record, the seats are back.
        tally.orphans++;
        this.options.logger?.info('released an orphan hold (no booking in the log)', { ...hold });
        return;
      }
      // The store is down, or the log's expiry lies a little later than the actor's: try again later.
      tally.failures++;
      tally.firstError ??= error;
      this.#pending.set(hold.bookingId, hold);
    }
  }
}
