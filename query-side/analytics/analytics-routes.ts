import { Router } from 'express';
import { ok, requireRole, validateQuery } from '../../infra/http-edge';
import type { DocumentStore } from '../../infra/ports/document-store';
import type {
  AnalyticsDaily,
  AnalyticsDashboard,
  AnalyticsDashboardMeta,
  AnalyticsEventRow,
  AnalyticsRealtime,
  AnalyticsZoneRow,
} from './analytics-answers';
import {
  DailyQuery,
  DashboardQuery,
  RealtimeQuery,
  defaultDashboardEvents,
  defaultRealtimeMinutes,
} from './analytics-queries';
import { daysOf, listEvents, minutesOf, zonesOf } from './analytics-reads';
import {
  activityOfEvent,
  addActivity,
  addCounters,
  byRevenue,
  emptyActivity,
  toTotals,
  type AnalyticsActivity,
} from './analytics-views';
import { dayRange } from './day-range';
import { checkZoneOfEvent, eventForAnalytics } from './event-access';
import type { EventDocument } from '../../projections/analytics/schema';
import { daySeries, dayString, minuteSeries, startOfMinute } from './series';

const minuteMs = 60_000;

type OwnedEvent = EventDocument & { organizerId: string };
const isOwned = (doc: EventDocument): doc is OwnedEvent => doc.organizerId !== undefined;

const eventRow = (doc: OwnedEvent): AnalyticsEventRow => ({
  eventId: doc._id,
  title: doc.title ?? null,
  status: doc.status ?? null,
  organizerId: doc.organizerId,
  ...toTotals(activityOfEvent(doc)),
});

/** Revenue and counts per zone of one event, over all its days. */
async function zoneRows(store: DocumentStore, eventId: string): Promise<AnalyticsZoneRow[]> {
  const [zones, days] = await Promise.all([zonesOf(store, eventId), daysOf(store, eventId)]);
  const perZone = new Map<string, AnalyticsActivity>(zones.map((zone) => [zone._id, emptyActivity()]));
  for (const day of days) {
    const activity = perZone.get(day.zoneId) ?? emptyActivity();
    perZone.set(day.zoneId, addCounters(activity, day));
  }
  const names = new Map(zones.map((zone) => [zone._id, zone.name ?? null]));
  return [...perZone]
    .map(([zoneId, activity]) => ({ zoneId, name: names.get(zoneId) ?? null, ...toTotals(activity) }))
    .sort(byRevenue((row) => row.zoneId));
}

/**
 * Analytics for admins and organizers (API.md, Analytics), over the read models of
 * `projections/analytics`. An organizer sees only the events they own; an admin sees every event.
 */
export function analyticsRoutes(store: DocumentStore, now: () => number = Date.now): Router {
  const router = Router();

  router.get('/analytics/dashboard', async (req, res) => {
    const principal = requireRole(req, 'organizer');
    const query = await validateQuery(DashboardQuery, req.query);
    const limit = query.limit ?? defaultDashboardEvents;
    if (query.eventId !== undefined) {
      const event = await eventForAnalytics(store, principal, query.eventId);
      const data: AnalyticsDashboard = {
        totals: toTotals(activityOfEvent(event)),
        events: [eventRow(event)],
        zones: await zoneRows(store, event._id),
      };
      const meta: AnalyticsDashboardMeta = { events: 1, limit };
      ok(res, data, meta);
      return;
    }
    const owner = principal.role === 'admin' ? undefined : principal.userId;
    const events = (await listEvents(store, owner)).filter(isOwned);
    const totals = events.reduce((sum, event) => addActivity(sum, activityOfEvent(event)), emptyActivity());
    const rows = events
      .map(eventRow)
      .sort(byRevenue((row) => row.eventId))
      .slice(0, limit);
    const data: AnalyticsDashboard = { totals: toTotals(totals), events: rows };
    const meta: AnalyticsDashboardMeta = { events: events.length, limit };
    ok(res, data, meta);
  });

  router.get('/analytics/events/:id/realtime', async (req, res) => {
    const principal = requireRole(req, 'organizer');
    const query = await validateQuery(RealtimeQuery, req.query);
    const event = await eventForAnalytics(store, principal, req.params.id);
    if (query.zoneId !== undefined) await checkZoneOfEvent(store, event._id, query.zoneId);
    const count = query.minutes ?? defaultRealtimeMinutes;
    const last = startOfMinute(now());
    const from = new Date(last.getTime() - (count - 1) * minuteMs);
    const docs = await minutesOf(store, event._id, { from, to: last, zoneId: query.zoneId });
    const minutes = minuteSeries(docs, from, count);
    const totals = minutes.reduce((sum, point) => addActivity(sum, point), emptyActivity());
    const data: AnalyticsRealtime = {
      eventId: event._id,
      zoneId: query.zoneId ?? null,
      from: from.toISOString(),
      to: new Date(last.getTime() + minuteMs).toISOString(),
      minutes,
      totals: toTotals(totals),
    };
    ok(res, data);
  });

  router.get('/analytics/events/:id/daily', async (req, res) => {
    const principal = requireRole(req, 'organizer');
    const query = await validateQuery(DailyQuery, req.query);
    const range = dayRange(query, dayString(new Date(now())));
    const event = await eventForAnalytics(store, principal, req.params.id);
    if (query.zoneId !== undefined) await checkZoneOfEvent(store, event._id, query.zoneId);
    const docs = await daysOf(store, event._id, { ...range, zoneId: query.zoneId });
    const days = daySeries(docs, range.from, range.to);
    const totals = days.reduce((sum, point) => addActivity(sum, point), emptyActivity());
    const data: AnalyticsDaily = {
      eventId: event._id,
      zoneId: query.zoneId ?? null,
      ...range,
      days,
      totals: toTotals(totals),
    };
    ok(res, data);
  });

  return router;
}
