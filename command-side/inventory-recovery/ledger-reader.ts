import { bookingCategory } from '../../domain/booking';
import { eventCategory } from '../../domain/catalog';
import { startOfLog, type Checkpoint, type EventStore } from '../../infra/ports/event-store';
import { BookingLedger, ledgerEventTypes } from './booking-ledger';

/**
 * The booking ledger, caught up only when asked. It deliberately does not follow the log: a follower
 * would fold every reservation as it happens and cost CPU on the hot path, while the ledger is needed
 * only by a rebuild, the invariant checker and the admin view, which can afford one catch-up each.
 */
export class LedgerReader {
  readonly ledger = new BookingLedger();
  #checkpoint: Checkpoint = startOfLog;
  #tail: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly store: EventStore,
    private readonly batchSize = 5000,
  ) {}

  /** How far the log has been folded in. */
  get position(): Checkpoint {
    return this.#checkpoint;
  }

  /**
   * Folds the log in up to the head as it stands when this catch-up begins. Calls run one after the
   * other, so each one reaches at least the head of its own call. With `includeInFlight`, it first
   * waits for appends still in flight to become readable (a rebuild must count every hold granted).
   */
  catchUp(options: { includeInFlight?: boolean } = {}): Promise<BookingLedger> {
    const run = this.#tail.then(async () => {
      if (options.includeInFlight) await this.store.waitForAppendsInFlight();
      await this.#read();
    });
    this.#tail = run.catch(() => undefined);
    return run.then(() => this.ledger);
  }

  async #read(): Promise<void> {
    const head = await this.store.head();
    while (head.checkpoint > this.#checkpoint) {
      const page = await this.store.readAll({
        after: this.#checkpoint,
        limit: this.batchSize,
        categories: [eventCategory, bookingCategory],
        types: ledgerEventTypes,
      });
      for (const event of page.events) this.ledger.apply(event);
      const moved = page.checkpoint > this.#checkpoint;
      if (moved) this.#checkpoint = page.checkpoint;
      if (page.endOfLog || !moved) return;
    }
  }
}
