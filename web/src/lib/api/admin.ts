import type { ApiClient } from './client';
import { query } from './query';
import type { ApiResult } from './result';

/** The request context the API records with every event (API.md, Admin and audit). */
export type EventMetadata = {
  eventId?: string;
  correlationId?: string;
  causationId?: string;
  userId?: string;
  role?: string;
  tenantId?: string;
  ip?: string;
  userAgent?: string;
  traceparent?: string;
  schemaVersion?: number;
  [key: string]: unknown;
};

/** One event of a stream, as `GET /admin/streams/:streamId` returns it. */
export type StreamEvent = {
  eventId: string;
  globalPosition: number;
  /** 0-based index of the event in its stream. */
  version: number;
  type: string;
  data: unknown;
  metadata: EventMetadata;
  createdAt: string;
};

/** One event of the global feed: a stream event and the stream it belongs to. */
export type FeedEvent = StreamEvent & { streamId: string };

/** `meta` of `GET /admin/events`: `next` is the `after` of the next page. */
export type FeedMeta = { next: string; endOfLog: boolean; limit: number };

export type StreamMeta = { streamId: string; fromVersion: number; limit: number; next: number | null };

export type ProjectionView = {
  name: string;
  status: string;
  position: number;
  headPosition: number;
  lag: number;
  /** Bumped by each finished rebuild. */
  generation: number;
  error?: string;
  rebuild?: { processed: number; total: number; percent: number; startedAt: string };
};

export type AuditActor =
  | { kind: 'user'; userId: string; role: string | null; tenantId: string | null }
  | { kind: 'system'; userId: string; name: string };

export type AuditEntry = {
  eventId: string;
  at: string;
  position: number;
  streamId: string;
  revision: number;
  entity: { type: string; id: string };
  action: string;
  actor: AuditActor;
  ip: string | null;
  userAgent: string | null;
  correlationId: string | null;
  causationId: string | null;
  traceparent: string | null;
  /** The event's data with secrets redacted. */
  changes: unknown;
};

/** `meta` of `GET /admin/audit-logs`: `next` is the `after` of the next page, null on the last. */
export type AuditMeta = { limit: number; next: string | null };

export type AuditSearch = {
  userId?: string;
  action?: string;
  entityType?: string;
  entityId?: string;
  streamId?: string;
  correlationId?: string;
  /** ISO 8601, inclusive. */
  from?: string;
  /** ISO 8601, exclusive. */
  to?: string;
  limit?: number;
  after?: string;
};

/** A zone's seat counters beside the event store's view of them; null counters: the zone has none. */
export type ZoneInventory = {
  eventId: string;
  zoneId: string;
  capacity: number;
  available: number | null;
  held: number | null;
  confirmed: number | null;
  fromEvents: { held: number; confirmed: number };
  consistent: boolean;
};

/** The typed result with the endpoint's own `meta` (the client types `meta` as page numbers). */
type WithMeta<T, M> = { ok: true; data: T; meta: M | undefined } | Extract<ApiResult<T>, { ok: false }>;

async function withMeta<T, M>(result: Promise<ApiResult<T>>): Promise<WithMeta<T, M>> {
  const answer = await result;
  if (!answer.ok) return answer;
  return { ok: true, data: answer.data, meta: answer.meta as unknown as M | undefined };
}

const segment = encodeURIComponent;

/** The admin endpoints of `/api/v1` (API.md, Admin and audit), typed. */
export function adminEndpoints(api: ApiClient) {
  return {
    stream: (streamId: string, params: { fromVersion?: number; limit?: number } = {}) =>
      withMeta<StreamEvent[], StreamMeta>(
        api.request('GET', `/admin/streams/${segment(streamId)}${query(params)}`),
      ),
    feed: (params: { after?: string; limit?: number; category?: string; type?: string }) =>
      withMeta<FeedEvent[], FeedMeta>(api.request('GET', `/admin/events${query(params)}`)),
    projections: () => api.request<ProjectionView[]>('GET', '/admin/projections'),
    rebuild: (name: string) =>
      api.request<{ name: string; status: string }>('POST', `/admin/projections/${segment(name)}/rebuild`),
    audit: (params: AuditSearch) =>
      withMeta<AuditEntry[], AuditMeta>(api.request('GET', `/admin/audit-logs${query(params)}`)),
    auditEntry: (eventId: string) => api.request<AuditEntry>('GET', `/admin/audit-logs/${segment(eventId)}`),
    eventInventory: (eventId: string) =>
      api.request<ZoneInventory[]>('GET', `/admin/inventory${query({ eventId })}`),
  };
}

export type AdminEndpoints = ReturnType<typeof adminEndpoints>;
