import {
  countFields,
  type CounterDocument,
  type CountField,
  type EventDocument,
} from '../../projections/analytics/schema';

export type AnalyticsCounts = Record<CountField, number>;
/** Minor units per ISO currency code, e.g. `{ THB: 300000 }`. */
export type AnalyticsMoney = Record<string, number>;

/** What happened to bookings in one minute or day, or over a range: counts, and money per currency. */
export type AnalyticsActivity = AnalyticsCounts & { revenue: AnalyticsMoney; refunded: AnalyticsMoney };

export type AnalyticsTotals = Omit<AnalyticsActivity, 'reservations'> & {
  /** Bookings reserved. */
  bookings: number;
  /** Revenue less refunds, per currency. */
  netRevenue: AnalyticsMoney;
  /** Confirmed ÷ reserved bookings (0 when none were reserved). */
  conversion: number;
  /** Expired ÷ reserved bookings (0 when none were reserved). */
  expiryRate: number;
};

export const emptyActivity = (): AnalyticsActivity => ({
  ...(Object.fromEntries(countFields.map((field) => [field, 0])) as AnalyticsCounts),
  revenue: {},
  refunded: {},
});

const addMoney = (into: AnalyticsMoney, currency: string, amount: number) => {
  if (amount !== 0) into[currency] = (into[currency] ?? 0) + amount;
};

/** Adds one counter document (one currency) into `into`. */
export function addCounters(into: AnalyticsActivity, doc: CounterDocument): AnalyticsActivity {
  for (const field of countFields) into[field] += doc[field] ?? 0;
  addMoney(into.revenue, doc.currency, doc.revenue ?? 0);
  addMoney(into.refunded, doc.currency, doc.refunded ?? 0);
  return into;
}

export function addActivity(into: AnalyticsActivity, other: AnalyticsActivity): AnalyticsActivity {
  for (const field of countFields) into[field] += other[field];
  for (const [currency, amount] of Object.entries(other.revenue)) addMoney(into.revenue, currency, amount);
  for (const [currency, amount] of Object.entries(other.refunded)) addMoney(into.refunded, currency, amount);
  return into;
}

/** The totals of an event as the projection keeps them (fields it has not counted yet are 0). */
export function activityOfEvent(doc: EventDocument): AnalyticsActivity {
  const activity = emptyActivity();
  for (const field of countFields) activity[field] = doc[field] ?? 0;
  activity.revenue = { ...doc.revenue };
  activity.refunded = { ...doc.refunded };
  return activity;
}

const ratio = (part: number, whole: number) =>
  whole === 0 ? 0 : Math.round((part / whole) * 10_000) / 10_000;

export function toTotals(activity: AnalyticsActivity): AnalyticsTotals {
  const { reservations, ...rest } = activity;
  const netRevenue: AnalyticsMoney = { ...activity.revenue };
  for (const [currency, amount] of Object.entries(activity.refunded)) {
    netRevenue[currency] = (netRevenue[currency] ?? 0) - amount;
  }
  return {
    bookings: reservations,
    ...rest,
    netRevenue,
    conversion: ratio(activity.confirmations, reservations),
    expiryRate: ratio(activity.expiries, reservations),
  };
}

/** Largest revenue first (amounts summed across currencies), then by id, so the order is stable. */
export function byRevenue<T extends { revenue: AnalyticsMoney }>(
  id: (row: T) => string,
): (a: T, b: T) => number {
  const sum = (money: AnalyticsMoney) => Object.values(money).reduce((total, amount) => total + amount, 0);
  return (a, b) => sum(b.revenue) - sum(a.revenue) || id(a).localeCompare(id(b));
}
