import type { ApiClient } from './client';
import { query } from './query';
import type { Data, Meta, Query, Schemas } from './schema';

/** The request context the API records with every event (API.md, Admin and audit). */
export type EventMetadata = Schemas['EventMetadata'];

/** One event of a stream, as `GET /admin/streams/:streamId` returns it. */
export type StreamEvent = Schemas['StreamEventView'];

/** One event of the global feed: a stream event and the stream it belongs to. */
export type FeedEvent = Schemas['FeedEventView'];

/** `meta` of `GET /admin/events`: `next` is the `after` of the next page. */
export type FeedMeta = Schemas['AdminFeedPageMeta'];

export type StreamMeta = Schemas['AdminStreamPageMeta'];

export type ProjectionView = Schemas['ProjectionView'];

export type AuditActor = Schemas['AuditActorView'];

export type AuditEntry = Schemas['AuditEntryView'];

/** `meta` of `GET /admin/audit-logs`: `next` is the `after` of the next page, null on the last. */
export type AuditMeta = Schemas['AuditLogPageMeta'];

/** The filters of `GET /admin/audit-logs` (`from` inclusive, `to` exclusive, ISO 8601). */
export type AuditSearch = Query<'searchAuditLog'>;

/** `GET /admin/system`: this process's traffic, backlogs and runtime, and every follower's lag. */
export type SystemView = Schemas['SystemView'];

export type SystemFollower = Schemas['SystemFollowerView'];

export type TrafficWindow = Schemas['TrafficWindow'];

/** A zone's seat counters beside the event store's view of them; null counters: the zone has none. */
export type ZoneInventory = Schemas['AdminZoneInventoryResource'];

const segment = encodeURIComponent;

/** The admin endpoints of `/api/v1` (API.md, Admin and audit), typed. */
export function adminEndpoints(api: ApiClient) {
  return {
    stream: (streamId: string, params: Query<'readAdminStream'> = {}) =>
      api.request<Data<'readAdminStream'>, Meta<'readAdminStream'>>(
        'GET',
        `/admin/streams/${segment(streamId)}${query(params)}`,
      ),
    feed: (params: Query<'readAdminEventFeed'>) =>
      api.request<Data<'readAdminEventFeed'>, Meta<'readAdminEventFeed'>>(
        'GET',
        `/admin/events${query(params)}`,
      ),
    projections: () => api.request<Data<'listProjections'>>('GET', '/admin/projections'),
    rebuild: (name: string) =>
      api.request<Data<'rebuildProjection'>>('POST', `/admin/projections/${segment(name)}/rebuild`),
    audit: (params: AuditSearch) =>
      api.request<Data<'searchAuditLog'>, Meta<'searchAuditLog'>>('GET', `/admin/audit-logs${query(params)}`),
    auditEntry: (eventId: string) =>
      api.request<Data<'readAuditEntry'>>('GET', `/admin/audit-logs/${segment(eventId)}`),
    system: () => api.request<Data<'readSystemStatus'>>('GET', '/admin/system'),
    eventInventory: (eventId: string) => {
      const params: Query<'checkEventInventory'> = { eventId };
      return api.request<Data<'checkEventInventory'>>('GET', `/admin/inventory${query(params)}`);
    },
  };
}

export type AdminEndpoints = ReturnType<typeof adminEndpoints>;
