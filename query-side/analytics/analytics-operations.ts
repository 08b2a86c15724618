import type { ApiOperation } from '../../infra/http-edge';
import { DailyQuery, DashboardQuery, RealtimeQuery } from './analytics-queries';

const eventId = { id: { description: 'The event (its id, not its slug)' } } as const;

const whoSees =
  'An organizer sees only the events they own (403 for one of another organizer); an admin sees every ' +
  'event. Read from a projection, a few moments behind the sales.';

const numbers =
  'Money is in minor units per currency code; `conversion` and `expiryRate` are shares of the bookings ' +
  'reserved (0 when none were).';

const oneEvent =
  'NOT_FOUND for an event the analytics have not seen; ZONE_NOT_FOUND for a zone of another event.';

/** What `analyticsRoutes` serves, for the OpenAPI document (mounted at the API root). */
export const analyticsOperations: readonly ApiOperation[] = [
  {
    method: 'get',
    path: '/analytics/dashboard',
    operationId: 'getAnalyticsDashboard',
    tag: 'Analytics',
    summary: 'Sales totals, per event',
    description:
      'Totals over every event the caller may see, and one row per event, largest revenue first, at ' +
      'most `limit` (default 20). With `eventId`: that event alone, with a row per zone. ' +
      `${whoSees} ${numbers}`,
    access: ['organizer'],
    query: DashboardQuery,
    responses: {
      200: { description: 'The totals and rows', data: 'AnalyticsDashboard', meta: 'AnalyticsDashboardMeta' },
    },
    errors: ['NOT_FOUND'],
  },
  {
    method: 'get',
    path: '/analytics/events/:id/realtime',
    operationId: 'getEventAnalyticsRealtime',
    tag: 'Analytics',
    summary: "An event's activity per minute",
    description:
      'One point per minute for the last `minutes` (default 60, at most 1440), the current minute last, ' +
      `quiet minutes as zeros; one zone with \`zoneId\`. ${oneEvent} ${whoSees} ${numbers}`,
    access: ['organizer'],
    params: eventId,
    query: RealtimeQuery,
    responses: { 200: { description: 'The minutes and their totals', data: 'AnalyticsRealtime' } },
    errors: ['NOT_FOUND', 'ZONE_NOT_FOUND'],
  },
  {
    method: 'get',
    path: '/analytics/events/:id/daily',
    operationId: 'getEventAnalyticsDaily',
    tag: 'Analytics',
    summary: "An event's activity per day",
    description:
      'One point per UTC day from `from` to `to` (`YYYY-MM-DD`, both inclusive; by default the 30 days ' +
      `ending today, at most 366), quiet days as zeros; one zone with \`zoneId\`. ${oneEvent} ${whoSees} ` +
      numbers,
    access: ['organizer'],
    params: eventId,
    query: DailyQuery,
    responses: { 200: { description: 'The days and their totals', data: 'AnalyticsDaily' } },
    errors: ['NOT_FOUND', 'ZONE_NOT_FOUND'],
  },
];
