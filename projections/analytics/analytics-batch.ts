import type {
  BookingCancelled,
  BookingConfirmed,
  BookingEvent,
  BookingExpired,
  BookingRefunded,
  BookingReserved,
} from '../../domain/booking';
import type { CatalogEvent } from '../../domain/catalog';
import type { SequencedEvent } from '../documents';
import { dayOf, domainTime, minuteOf } from './buckets';
import {
  counterFields,
  countFields,
  type BookingFacts,
  type Counters,
  type CounterField,
  type DayKey,
  type MinuteKey,
} from './schema';

/** Changes to one guarded document: `position` is the highest sequence folded into it. */
export type DocumentChange<Key> = {
  readonly key: Key;
  position: number;
  readonly inc: Record<string, number>;
  readonly set: Record<string, unknown>;
};

export type AnalyticsChanges = {
  readonly minutes: DocumentChange<MinuteKey>[];
  readonly days: DocumentChange<DayKey>[];
  readonly events: DocumentChange<{ _id: string }>[];
  readonly zones: DocumentChange<{ _id: string }>[];
  /** Bookings reserved in this batch, as they stand at its end (inserted; a duplicate is a no-op). */
  readonly reservedBookings: BookingFacts[];
  /** Bookings reserved earlier and confirmed in this batch. */
  readonly confirmedBookings: { bookingId: string; confirmedAt: string }[];
};

type BookingData = BookingEvent['data'];

/** Booking ids whose facts the batch needs from earlier batches (not reserved within it). */
export function bookingsToLookUp(events: readonly SequencedEvent[]): string[] {
  const reservedHere = new Set<string>();
  const wanted = new Set<string>();
  for (const event of events) {
    if (!isBookingEvent(event)) continue;
    const { bookingId } = event.data as BookingData;
    if (event.type === 'BookingReserved') reservedHere.add(bookingId);
    else if (!reservedHere.has(bookingId)) wanted.add(bookingId);
  }
  return [...wanted];
}

const bookingTypes = new Set<string>([
  'BookingReserved',
  'BookingConfirmed',
  'BookingExpired',
  'BookingCancelled',
  'BookingRefunded',
]);
const isBookingEvent = (event: SequencedEvent): boolean => bookingTypes.has(event.type);

const zeroCounters = (): Counters => Object.fromEntries(counterFields.map((field) => [field, 0])) as Counters;
const zeroCounts = (): Record<string, number> => Object.fromEntries(countFields.map((field) => [field, 0]));

/**
 * Folds one batch of booking and catalog events into per-document changes: counters per minute and day
 * (by the domain time of each event), per-event totals and catalog facts, zone facts, booking facts.
 * Pure: `known` holds the facts of bookings reserved in earlier batches.
 */
export function foldAnalytics(
  events: readonly SequencedEvent[],
  known: readonly BookingFacts[],
): AnalyticsChanges {
  const bookings = new Map(known.map((facts) => [facts._id, { ...facts }]));
  const reservedHere = new Map<string, BookingFacts>();
  const confirmedEarlier = new Map<string, string>();
  const minutes = new Map<string, DocumentChange<MinuteKey>>();
  const days = new Map<string, DocumentChange<DayKey>>();
  const eventDocs = new Map<string, DocumentChange<{ _id: string }>>();
  const zones = new Map<string, DocumentChange<{ _id: string }>>();

  const eventChange = (eventId: string, sequence: number) =>
    touch(eventDocs, eventId, { _id: eventId }, sequence, zeroCounts);

  const count = (
    facts: BookingFacts,
    at: Date,
    sequence: number,
    amounts: Partial<Counters>,
    currency = facts.currency,
  ) => {
    const minuteKey = { eventId: facts.eventId, zoneId: facts.zoneId, currency, minute: minuteOf(at) };
    const dayKey = { eventId: facts.eventId, zoneId: facts.zoneId, currency, day: dayOf(at) };
    const minute = touch(minutes, keyId(minuteKey), minuteKey, sequence, zeroCounters);
    const day = touch(days, keyId(dayKey), dayKey, sequence, zeroCounters);
    const totals = eventChange(facts.eventId, sequence);
    for (const [field, amount] of Object.entries(amounts) as [CounterField, number][]) {
      minute.inc[field]! += amount;
      day.inc[field]! += amount;
      const totalField = field === 'revenue' || field === 'refunded' ? `${field}.${currency}` : field;
      totals.inc[totalField] = (totals.inc[totalField] ?? 0) + amount;
    }
  };

  for (const event of events) {
    const recordedAt = event.createdAt;
    switch (event.type) {
      case 'BookingReserved': {
        const data = (event as unknown as BookingReserved).data;
        if (bookings.has(data.bookingId)) break;
        const facts: BookingFacts = {
          _id: data.bookingId,
          eventId: data.eventId,
          showId: data.showId,
          zoneId: data.zoneId,
          quantity: data.quantity,
          totalPrice: data.totalPrice,
          currency: data.currency,
          reservedAt: data.reservedAt,
          confirmedAt: null,
        };
        bookings.set(facts._id, facts);
        reservedHere.set(facts._id, facts);
        count(facts, domainTime(data.reservedAt, recordedAt), event.sequence, {
          reservations: 1,
          seatsReserved: facts.quantity,
        });
        break;
      }
      case 'BookingConfirmed': {
        const data = (event as unknown as BookingConfirmed).data;
        const facts = bookings.get(data.bookingId);
        if (!facts || facts.confirmedAt !== null) break;
        const confirmed = { ...facts, confirmedAt: data.confirmedAt };
        bookings.set(facts._id, confirmed);
        if (reservedHere.has(facts._id)) reservedHere.set(facts._id, confirmed);
        else confirmedEarlier.set(facts._id, data.confirmedAt);
        count(facts, domainTime(data.confirmedAt, recordedAt), event.sequence, {
          confirmations: 1,
          seatsSold: facts.quantity,
          revenue: facts.totalPrice,
        });
        break;
      }
      case 'BookingExpired': {
        const data = (event as unknown as BookingExpired).data;
        const facts = bookings.get(data.bookingId);
        if (!facts) break;
        count(facts, domainTime(data.expiredAt, recordedAt), event.sequence, {
          expiries: 1,
          seatsExpired: facts.quantity,
        });
        break;
      }
      case 'BookingCancelled': {
        const data = (event as unknown as BookingCancelled).data;
        const facts = bookings.get(data.bookingId);
        if (!facts) break;
        count(facts, domainTime(data.cancelledAt, recordedAt), event.sequence, {
          cancellations: 1,
          seatsCancelled: facts.quantity,
        });
        break;
      }
      case 'BookingRefunded': {
        const data = (event as unknown as BookingRefunded).data;
        const facts = bookings.get(data.bookingId);
        // A payment that landed after the hold ended was never revenue, so giving it back is not a refund of it.
        if (!facts || facts.confirmedAt === null) break;
        count(
          facts,
          domainTime(data.refundedAt, recordedAt),
          event.sequence,
          { refunds: 1, refunded: data.amount },
          data.currency,
        );
        break;
      }
      default:
        foldCatalog(event, eventChange, (zoneId) => touch(zones, zoneId, { _id: zoneId }, event.sequence));
    }
  }

  return {
    minutes: [...minutes.values()],
    days: [...days.values()],
    events: [...eventDocs.values()],
    zones: [...zones.values()],
    reservedBookings: [...reservedHere.values()],
    confirmedBookings: [...confirmedEarlier].map(([bookingId, confirmedAt]) => ({ bookingId, confirmedAt })),
  };
}

function foldCatalog(
  event: SequencedEvent,
  eventChange: (eventId: string, sequence: number) => DocumentChange<{ _id: string }>,
  zoneChange: (zoneId: string) => DocumentChange<{ _id: string }>,
): void {
  const catalog = event as unknown as CatalogEvent;
  switch (catalog.type) {
    case 'EventCreated':
      Object.assign(eventChange(catalog.data.eventId, event.sequence).set, {
        organizerId: catalog.data.organizerId,
        title: catalog.data.name,
        status: 'draft',
        startsAt: catalog.data.startsAt,
      });
      break;
    case 'EventUpdated': {
      const { name, startsAt } = catalog.data.changes;
      const set = eventChange(catalog.data.eventId, event.sequence).set;
      if (name !== undefined) set.title = name;
      if (startsAt !== undefined) set.startsAt = startsAt;
      break;
    }
    case 'EventPublished':
      eventChange(catalog.data.eventId, event.sequence).set.status = 'published';
      break;
    case 'EventCancelled':
      eventChange(catalog.data.eventId, event.sequence).set.status = 'cancelled';
      break;
    case 'ZoneCreated':
    case 'ZoneUpdated': {
      const { eventId, showId, price, currency, capacity } = catalog.data;
      const set = zoneChange(catalog.data.zoneId).set;
      Object.assign(set, { eventId, showId, price, currency, capacity });
      if (catalog.type === 'ZoneCreated') set.name = catalog.data.name;
      break;
    }
    case 'ShowAdded':
    case 'ShowUpdated':
      break;
  }
}

function touch<Key>(
  changes: Map<string, DocumentChange<Key>>,
  id: string,
  key: Key,
  sequence: number,
  initialInc: () => Record<string, number> = () => ({}),
): DocumentChange<Key> {
  let change = changes.get(id);
  if (!change) {
    change = { key, position: sequence, inc: initialInc(), set: {} };
    changes.set(id, change);
  }
  change.position = Math.max(change.position, sequence);
  return change;
}

const keyId = (key: MinuteKey | DayKey): string =>
  [key.eventId, key.zoneId, key.currency, 'minute' in key ? key.minute.toISOString() : key.day].join('|');
