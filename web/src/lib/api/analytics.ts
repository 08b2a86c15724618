import type { ApiClient } from './client';
import { query } from './query';

/** Minor units per ISO currency code, e.g. `{ THB: 300000 }`. */
export type Money = Record<string, number>;

/** What happened to bookings over a range (API.md, Analytics; `query-side/analytics/analytics-views.ts`). */
export type Counts = {
  seatsReserved: number;
  confirmations: number;
  seatsSold: number;
  expiries: number;
  seatsExpired: number;
  cancellations: number;
  seatsCancelled: number;
  refunds: number;
};

export type Totals = Counts & {
  /** Bookings reserved. */
  bookings: number;
  revenue: Money;
  refunded: Money;
  /** Revenue less refunds, per currency. */
  netRevenue: Money;
  /** Confirmed ÷ reserved bookings, 0..1 (0 when none were reserved). */
  conversion: number;
  /** Expired ÷ reserved bookings, 0..1. */
  expiryRate: number;
};

/** One minute's or one day's counters (bookings reserved are `reservations` here). */
export type Activity = Counts & { reservations: number; revenue: Money; refunded: Money };
export type MinutePoint = Activity & { minute: string };
export type DayPoint = Activity & { day: string };

export type EventRow = Totals & {
  eventId: string;
  title: string | null;
  status: string | null;
  organizerId: string | null;
};
export type ZoneRow = Totals & { zoneId: string; name: string | null };

export type Dashboard = { totals: Totals; events: EventRow[]; zones?: ZoneRow[] };
/** The dashboard's `meta`: how many events the totals cover, and how many rows `limit` allowed. */
export type DashboardMeta = { events: number; limit: number };

export type Realtime = {
  eventId: string;
  zoneId: string | null;
  from: string;
  to: string;
  minutes: MinutePoint[];
  totals: Totals;
};

export type Daily = {
  eventId: string;
  zoneId: string | null;
  /** UTC days, `YYYY-MM-DD`, both inclusive. */
  from: string;
  to: string;
  days: DayPoint[];
  totals: Totals;
};

/** The API caps the per-minute window at one day and the dashboard at 100 event rows. */
export const maxRealtimeMinutes = 1440;
export const maxDashboardEvents = 100;

/** `GET /analytics/*` for organizers (their own events) and admins (every event). */
export function analyticsEndpoints(api: ApiClient) {
  const event = (id: string) => `/analytics/events/${encodeURIComponent(id)}`;
  return {
    dashboard: (params: { eventId?: string; limit?: number } = {}) =>
      api.request<Dashboard>('GET', `/analytics/dashboard${query(params)}`),
    realtime: (eventId: string, params: { minutes?: number; zoneId?: string } = {}) =>
      api.request<Realtime>('GET', `${event(eventId)}/realtime${query(params)}`),
    daily: (eventId: string, params: { from?: string; to?: string; zoneId?: string } = {}) =>
      api.request<Daily>('GET', `${event(eventId)}/daily${query(params)}`),
  };
}

/** The dashboard's `meta`, which the client types as a page's. */
export function dashboardMeta(result: { readonly meta?: object }): DashboardMeta | undefined {
  const meta = result.meta as Partial<DashboardMeta> | undefined;
  return typeof meta?.events === 'number' && typeof meta.limit === 'number'
    ? { events: meta.events, limit: meta.limit }
    : undefined;
}
