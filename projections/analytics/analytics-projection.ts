import { bookingCategory } from '../../domain/booking';
import { eventCategory } from '../../domain/catalog';
import type { Doc, DocumentCollection } from '../../infra/ports/document-store';
import type { DocumentProjection, GenerationCollections, SequencedEvent } from '../documents';
import { bookingsToLookUp, foldAnalytics, type DocumentChange } from './analytics-batch';
import {
  analyticsCollections as names,
  analyticsProjectionName,
  type BookingFacts,
  type DailyDocument,
  type EventDocument,
  type MinuteDocument,
  type ZoneDocument,
} from './schema';
import { BookingFactsCache } from './booking-facts';
import { MinuteRetention } from './minute-retention';

const analyzedTypes = [
  'BookingReserved',
  'BookingConfirmed',
  'BookingExpired',
  'BookingCancelled',
  'BookingRefunded',
  'EventCreated',
  'EventUpdated',
  'EventPublished',
  'EventCancelled',
  'ZoneCreated',
  'ZoneUpdated',
];

async function upsertAll<T extends Doc, Key extends Doc>(
  collection: DocumentCollection<T>,
  changes: readonly DocumentChange<Key>[],
): Promise<void> {
  await Promise.all(
    changes.map((change) =>
      collection.upsertWithGuard(change.key, {
        position: change.position,
        ...(Object.keys(change.inc).length > 0 ? { inc: change.inc } : {}),
        ...(Object.keys(change.set).length > 0 ? { set: change.set } : {}),
      }),
    ),
  );
}

export type AnalyticsProjectionOptions = {
  /** Wall clock (ms) for purging old minutes where the store has no TTL; tests pass their own. */
  readonly now?: () => number;
};

/**
 * Analytics read models (issue 6): per-minute and per-day booking counters by event and zone, per-event
 * totals with owner and title, zone facts. Counters are bucketed by the domain time of each event, so a
 * rebuild gives identical documents; every counter document is written once per batch with the highest
 * sequence folded into it as its guard, so a re-applied batch changes nothing.
 */
export function createAnalyticsProjection(options: AnalyticsProjectionOptions = {}): DocumentProjection {
  const retention = new MinuteRetention(options.now ?? Date.now);
  const facts = new BookingFactsCache();
  return {
    name: analyticsProjectionName,
    version: 1,
    collections: Object.values(names),
    filter: { categories: [bookingCategory, eventCategory], types: analyzedTypes },

    async setup(collections: GenerationCollections) {
      facts.forget(collections);
      await retention.ensureIndexes(collections.get<MinuteDocument>(names.minutes));
      await collections.get<DailyDocument>(names.daily).ensureIndexes([{ fields: { eventId: 1, day: 1 } }]);
      await collections.get<EventDocument>(names.events).ensureIndexes([{ fields: { organizerId: 1 } }]);
      await collections.get<ZoneDocument>(names.zones).ensureIndexes([{ fields: { eventId: 1 } }]);
    },

    async apply(events: readonly SequencedEvent[], collections: GenerationCollections) {
      const bookings = collections.get<BookingFacts>(names.bookings);
      const minutes = collections.get<MinuteDocument>(names.minutes);
      const wanted = bookingsToLookUp(events);
      const known = wanted.length > 0 ? await facts.load(bookings, collections, wanted) : [];
      const changes = foldAnalytics(events, known);
      await Promise.all([
        upsertAll(minutes, changes.minutes),
        upsertAll(collections.get<DailyDocument>(names.daily), changes.days),
        upsertAll(collections.get<EventDocument>(names.events), changes.events),
        upsertAll(collections.get<ZoneDocument>(names.zones), changes.zones),
      ]);
      // Booking facts last: until they are written, a re-applied batch reads them as they were before it.
      await facts.store(bookings, collections, {
        known,
        reserved: changes.reservedBookings,
        confirmed: changes.confirmedBookings,
      });
      await retention.afterBatch(minutes);
    },
  };
}

export const analyticsProjection = createAnalyticsProjection();
