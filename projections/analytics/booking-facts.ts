import type { DocumentCollection } from '../../infra/ports/document-store';
import type { BookingFacts } from './schema';

/** Written when a booking reserved in an earlier batch is confirmed: one bulk insert per batch. */
type ConfirmationFact = { readonly _id: string; readonly bookingId: string; readonly confirmedAt: string };
type StoredFact = BookingFacts | ConfirmationFact;

const confirmationId = (bookingId: string) => `${bookingId}#confirmed`;
const isConfirmation = (fact: StoredFact): fact is ConfirmationFact => 'bookingId' in fact;

/** Most facts kept in memory per store and generation; the oldest go first. */
const cacheLimit = 200_000;

/**
 * The facts of reserved bookings (their later events do not repeat them), kept append-only in the
 * projection's collection and cached in memory once written: a replay then reads nothing back, and
 * no write updates a document of this large collection in place (each costs a scan on FerretDB).
 */
export class BookingFactsCache {
  private readonly byScope = new WeakMap<object, Map<number, Map<string, BookingFacts>>>();

  /** Facts of `ids`: from memory, else from the collection (reservation and confirmation merged). */
  async load(
    collection: DocumentCollection<StoredFact>,
    where: { scope: object; generation: number },
    ids: readonly string[],
  ): Promise<BookingFacts[]> {
    const cache = this.cacheOf(where);
    const missing = ids.filter((id) => !cache.has(id));
    const found = ids.flatMap((id) => cache.get(id) ?? []);
    if (missing.length === 0) return found;
    const stored = await collection.find({ _id: { $in: [...missing, ...missing.map(confirmationId)] } });
    const confirmedAt = new Map(
      stored.filter(isConfirmation).map((fact) => [fact.bookingId, fact.confirmedAt]),
    );
    for (const fact of stored) {
      if (isConfirmation(fact)) continue;
      found.push({ ...fact, confirmedAt: confirmedAt.get(fact._id) ?? null });
    }
    return found;
  }

  /** Writes this batch's facts; the cache learns them only once they are stored. */
  async store(
    collection: DocumentCollection<StoredFact>,
    where: { scope: object; generation: number },
    batch: {
      readonly known: readonly BookingFacts[];
      readonly reserved: readonly BookingFacts[];
      readonly confirmed: readonly { bookingId: string; confirmedAt: string }[];
    },
  ): Promise<void> {
    // One canonical form whatever the batch boundaries: reservations unconfirmed, confirmations apart.
    if (batch.reserved.length > 0) {
      await collection.insertMany(batch.reserved.map((facts) => ({ ...facts, confirmedAt: null })));
    }
    const confirmations = [
      ...batch.reserved.flatMap(({ _id, confirmedAt }) =>
        confirmedAt === null ? [] : [{ bookingId: _id, confirmedAt }],
      ),
      ...batch.confirmed,
    ].map(({ bookingId, confirmedAt }) => ({ _id: confirmationId(bookingId), bookingId, confirmedAt }));
    if (confirmations.length > 0) await collection.insertMany(confirmations);
    const cache = this.cacheOf(where);
    const remember = (facts: BookingFacts) => {
      cache.delete(facts._id);
      cache.set(facts._id, facts);
      if (cache.size > cacheLimit) cache.delete(cache.keys().next().value!);
    };
    batch.known.forEach(remember);
    batch.reserved.forEach(remember);
    for (const { bookingId, confirmedAt } of batch.confirmed) {
      const facts = cache.get(bookingId);
      if (facts) remember({ ...facts, confirmedAt });
    }
  }

  /** Forgets what was cached for a generation that is (re)created. */
  forget({ scope, generation }: { scope: object; generation: number }): void {
    this.byScope.get(scope)?.delete(generation);
  }

  private cacheOf({ scope, generation }: { scope: object; generation: number }): Map<string, BookingFacts> {
    let generations = this.byScope.get(scope);
    if (!generations) this.byScope.set(scope, (generations = new Map()));
    let cache = generations.get(generation);
    if (!cache) {
      generations.set(generation, (cache = new Map()));
      // Live and rebuild generations run side by side; anything older was swapped out.
      for (const older of generations.keys()) if (older < generation - 1) generations.delete(older);
    }
    return cache;
  }
}
