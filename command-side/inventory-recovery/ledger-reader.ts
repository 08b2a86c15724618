import { bookingCategory } from '../../domain/booking';
import { eventCategory } from '../../domain/catalog';
import { readPage, type LogCursor } from '../../infra/log-follower';
import { startOfLog, type Checkpoint, type EventStore } from '../../infra/ports/event-store';
import { BookingLedger, ledgerEventTypes } from './booking-ledger';

const ledgerFilter = { categories: [eventCategory, bookingCategory], types: ledgerEventTypes };

/**
 * The booking ledger, caught up only when asked. It deliberately does not follow the log: a follower
 * would fold every reservation as it happens and cost CPU on the hot path, while the ledger is needed
 * only by a rebuild, the invariant checker and the admin view, which can afford one catch-up each.
 */
export class LedgerReader {
  readonly ledger = new BookingLedger();
  #cursor: LogCursor = { checkpoint: startOfLog, position: 0 };
  #tail: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly store: EventStore,
    private readonly batchSize = 5000,
  ) {}

  /** How far the log has been folded in. */
  get position(): Checkpoint {
    return this.#cursor.checkpoint;
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
    while (head.checkpoint > this.#cursor.checkpoint) {
      const page = await readPage(this.store, this.#cursor, { limit: this.batchSize, filter: ledgerFilter });
      for (const event of page.events) this.ledger.apply(event);
      this.#cursor = page.next;
      if (page.endOfLog || !page.moved) return;
    }
  }
}
