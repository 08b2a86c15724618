/** The documents of `projections/analytics` as this side reads them (logical names of the live generation). */
export const analyticsProjectionName = 'analytics';
export const analyticsViews = {
  minutes: 'analytics_minutes',
  daily: 'analytics_daily',
  events: 'analytics_events',
  zones: 'analytics_zones',
} as const;

export const countFields = [
  'reservations',
  'seatsReserved',
  'confirmations',
  'seatsSold',
  'expiries',
  'seatsExpired',
  'cancellations',
  'seatsCancelled',
  'refunds',
] as const;
export type CountField = (typeof countFields)[number];
export type AnalyticsCounts = Record<CountField, number>;

/** Minor units per ISO currency code, e.g. `{ THB: 300000 }`. */
export type AnalyticsMoney = Record<string, number>;

/** Counters of one event, zone and currency in one minute (`minute`) or day (`day`). */
export type CounterDocument = AnalyticsCounts & {
  eventId: string;
  zoneId: string;
  currency: string;
  revenue: number;
  refunded: number;
};
export type MinuteDocument = CounterDocument & { minute: Date };
export type DailyDocument = CounterDocument & { day: string };

export type EventDocument = Partial<AnalyticsCounts> & {
  _id: string;
  organizerId?: string;
  title?: string;
  status?: string;
  revenue?: AnalyticsMoney;
  refunded?: AnalyticsMoney;
};

export type ZoneDocument = { _id: string; eventId: string; name?: string; currency: string };
