// The read models of this projection, as its queries (query-side/analytics) read them: the one place
// their collections, documents and counter fields are declared, so a renamed field fails to compile on
// both sides.

/** The projection's name: queries find the live generation of its collections under it. */
export const analyticsProjectionName = 'analytics';

/** Logical collection names of the `analytics` projection (each generation gets its own physical ones). */
export const analyticsCollections = {
  /** One per reserved booking: the facts its later events do not repeat. */
  bookings: 'analytics_bookings',
  /** Per event, zone, currency and UTC minute; expire after `minuteRetentionHours`. */
  minutes: 'analytics_minutes',
  /** Per event, zone, currency and UTC day (`YYYY-MM-DD`). */
  daily: 'analytics_daily',
  /** Per event: owner, title, status and totals. */
  events: 'analytics_events',
  /** Per zone: its event, name, price and capacity. */
  zones: 'analytics_zones',
} as const;

/** How long per-minute counters are kept: the realtime endpoint shows at most the last 24 hours. */
export const minuteRetentionHours = 48;

/** What happened to bookings, counted on the bucket of the domain time of each event. */
export const counterFields = [
  'reservations',
  'seatsReserved',
  'confirmations',
  'seatsSold',
  'expiries',
  'seatsExpired',
  'cancellations',
  'seatsCancelled',
  'refunds',
  /** Totals of confirmed bookings, in minor units of the document's currency. */
  'revenue',
  /** Money given back on bookings that had been confirmed (net revenue = revenue − refunded). */
  'refunded',
] as const;

export type CounterField = (typeof counterFields)[number];
export type Counters = Record<CounterField, number>;

/** The counters without the money, which per event is kept per currency. */
export type CountField = Exclude<CounterField, 'revenue' | 'refunded'>;
export const countFields = counterFields.filter(
  (field): field is CountField => field !== 'revenue' && field !== 'refunded',
);

/** Minor units per ISO currency code, e.g. `{ THB: 300000 }`. */
export type Money = Record<string, number>;

export type BookingFacts = {
  readonly _id: string;
  readonly eventId: string;
  readonly showId: string;
  readonly zoneId: string;
  readonly quantity: number;
  readonly totalPrice: number;
  readonly currency: string;
  readonly reservedAt: string;
  /** Set once confirmed; a refund counts against revenue only for a booking that had been confirmed. */
  readonly confirmedAt: string | null;
};

/** What a counter document counts: one event's zone, in one currency. */
export type BucketKey = { eventId: string; zoneId: string; currency: string };
export type MinuteKey = BucketKey & { minute: Date };
export type DayKey = BucketKey & { day: string };

/** Counters of one event, zone and currency in one minute (`minute`) or day (`day`). */
export type CounterDocument = BucketKey & Counters & { _id: string };
export type MinuteDocument = CounterDocument & { minute: Date };
export type DailyDocument = CounterDocument & { day: string };

export type EventDocument = Partial<Record<CountField, number>> & {
  _id: string;
  organizerId?: string;
  title?: string;
  status?: 'draft' | 'published' | 'cancelled';
  startsAt?: string;
  revenue?: Money;
  refunded?: Money;
};

export type ZoneDocument = {
  _id: string;
  eventId: string;
  showId: string;
  name?: string;
  price: number;
  currency: string;
  capacity: number;
};
