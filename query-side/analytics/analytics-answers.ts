import type { AnalyticsTotals } from './analytics-views';
import type { AnalyticsDayPoint, AnalyticsMinutePoint } from './series';

/** One event's totals on the dashboard; title and status as the projection last saw the event. */
export type AnalyticsEventRow = AnalyticsTotals & {
  readonly eventId: string;
  readonly title: string | null;
  readonly status: string | null;
  readonly organizerId: string;
};

/** One zone's totals over all the event's days. */
export type AnalyticsZoneRow = AnalyticsTotals & { readonly zoneId: string; readonly name: string | null };

/** `GET /analytics/dashboard`. */
export type AnalyticsDashboard = {
  /** Every event the caller may see (or the one asked for), summed. */
  readonly totals: AnalyticsTotals;
  /** Largest revenue first, at most `limit` of them. */
  readonly events: readonly AnalyticsEventRow[];
  /** Only when one event is asked for (`eventId`): its zones, largest revenue first. */
  readonly zones?: readonly AnalyticsZoneRow[];
};

export type AnalyticsDashboardMeta = {
  /** How many events the totals cover (the rows stop at `limit`). */
  readonly events: number;
  readonly limit: number;
};

/** `GET /analytics/events/:id/realtime`: one point per minute in [from, to), oldest first. */
export type AnalyticsRealtime = {
  readonly eventId: string;
  /** The zone asked for; null for the whole event. */
  readonly zoneId: string | null;
  /**
   * The start of the first minute.
   * @format date-time
   */
  readonly from: string;
  /**
   * The end of the current minute (exclusive).
   * @format date-time
   */
  readonly to: string;
  readonly minutes: readonly AnalyticsMinutePoint[];
  readonly totals: AnalyticsTotals;
};

/** `GET /analytics/events/:id/daily`: one point per UTC day from `from` to `to`, both inclusive. */
export type AnalyticsDaily = {
  readonly eventId: string;
  /** The zone asked for; null for the whole event. */
  readonly zoneId: string | null;
  /** @format date */
  readonly from: string;
  /** @format date */
  readonly to: string;
  readonly days: readonly AnalyticsDayPoint[];
  readonly totals: AnalyticsTotals;
};
