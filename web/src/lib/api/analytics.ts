import type { ApiClient } from './client';
import { query } from './query';
import type { Data, Meta, Query, Schemas } from './schema';

/** Minor units per ISO currency code, e.g. `{ THB: 300000 }`. */
export type Money = Schemas['AnalyticsMoney'];

/** What happened to bookings over a range (API.md, Analytics; `query-side/analytics/analytics-views.ts`). */
export type Totals = Schemas['AnalyticsTotals'];

export type MinutePoint = Schemas['AnalyticsMinutePoint'];
export type DayPoint = Schemas['AnalyticsDayPoint'];
/** One minute's or one day's counters (bookings reserved are `reservations` here). */
export type Activity = Omit<MinutePoint, 'minute'>;
/** The counters a point and the totals share. */
export type Counts = Omit<Activity, 'reservations' | 'revenue' | 'refunded'>;

export type EventRow = Schemas['AnalyticsEventRow'];
export type ZoneRow = Schemas['AnalyticsZoneRow'];

export type Dashboard = Schemas['AnalyticsDashboard'];
/** The dashboard's `meta`: how many events the totals cover, and how many rows `limit` allowed. */
export type DashboardMeta = Schemas['AnalyticsDashboardMeta'];

export type Realtime = Schemas['AnalyticsRealtime'];
/** Per UTC day, `from` and `to` (`YYYY-MM-DD`) both inclusive. */
export type Daily = Schemas['AnalyticsDaily'];

/** The API caps the per-minute window at one day and the dashboard at 100 event rows. */
export const maxRealtimeMinutes = 1440;
export const maxDashboardEvents = 100;

/** `GET /analytics/*` for organizers (their own events) and admins (every event). */
export function analyticsEndpoints(api: ApiClient) {
  const event = (id: string) => `/analytics/events/${encodeURIComponent(id)}`;
  return {
    dashboard: (params: Query<'getAnalyticsDashboard'> = {}) =>
      api.request<Data<'getAnalyticsDashboard'>, Meta<'getAnalyticsDashboard'>>(
        'GET',
        `/analytics/dashboard${query(params)}`,
      ),
    realtime: (eventId: string, params: Query<'getEventAnalyticsRealtime'> = {}) =>
      api.request<Data<'getEventAnalyticsRealtime'>>('GET', `${event(eventId)}/realtime${query(params)}`),
    daily: (eventId: string, params: Query<'getEventAnalyticsDaily'> = {}) =>
      api.request<Data<'getEventAnalyticsDaily'>>('GET', `${event(eventId)}/daily${query(params)}`),
  };
}
