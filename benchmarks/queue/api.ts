import { randomUUID } from 'node:crypto';
import { JwtAccessTokens } from '../../infra/auth';

type Envelope<T> = { success: boolean; data?: T; error?: { code?: string; message?: string } };

/** One call of the API outside the storm (setup, the admin's reads): fetch, JSON, the envelope's data. */
export async function api<T>(
  url: string,
  method: string,
  path: string,
  token: string | undefined,
  body?: unknown,
): Promise<T> {
  const response = await fetch(`${url}/api/v1${path}`, {
    method,
    headers: {
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    signal: AbortSignal.timeout(60_000),
  });
  const text = await response.text();
  const answer = (text ? JSON.parse(text) : {}) as Envelope<T>;
  if (!response.ok || answer.data === undefined)
    throw new Error(`${method} ${path} answered ${response.status}: ${text.slice(0, 500)}`);
  return answer.data;
}

export async function adminLogin(url: string, admin: { email: string; password: string }): Promise<string> {
  return (await api<{ accessToken: string }>(url, 'POST', '/auth/login', undefined, admin)).accessToken;
}

/**
 * An admin access token valid for a day, minted with the server's secret: a signed-in admin's lasts
 * 15 minutes, less than a long run (the admin routes check the token's role).
 */
export async function dayLongAdminToken(jwtSecret: string): Promise<string> {
  const userId = randomUUID();
  const issued = await new JwtAccessTokens(jwtSecret, { ttlSeconds: 86_400 }).issue({
    userId,
    email: `reader-${userId}@queue.example`,
    role: 'admin',
    tenantId: 'default',
  });
  return issued.accessToken;
}

export type Sale = { readonly eventId: string; readonly showId: string; readonly zoneId: string };

/** An event with one show and one zone, published last (after `beforePublish`, e.g. its waiting room). */
export async function createSale(
  url: string,
  token: string,
  spec: {
    readonly name: string;
    readonly saleStartsAt: Date;
    readonly capacity: number;
    readonly maxTicketsPerUser: number;
  },
  beforePublish: (eventId: string) => Promise<void> = async () => undefined,
): Promise<Sale> {
  const startsAt = new Date(Date.now() + 30 * 86_400_000).toISOString();
  const { id: eventId } = await api<{ id: string }>(url, 'POST', '/events', token, {
    name: spec.name,
    description: 'benchmarks/queue',
    venue: 'Benchmark Arena',
    category: 'benchmark',
    startsAt,
    saleStartsAt: spec.saleStartsAt.toISOString(),
    maxTicketsPerUser: spec.maxTicketsPerUser,
  });
  const { id: showId } = await api<{ id: string }>(url, 'POST', `/events/${eventId}/shows`, token, {
    startsAt,
    name: 'Queue night',
  });
  const { id: zoneId } = await api<{ id: string }>(url, 'POST', `/shows/${showId}/zones`, token, {
    name: 'Floor',
    price: 150_000,
    currency: 'THB',
    capacity: spec.capacity,
  });
  await beforePublish(eventId);
  await api(url, 'POST', `/events/${eventId}/publish`, token);
  return { eventId, showId, zoneId };
}

export type RoomSettings = {
  readonly enabled: boolean;
  readonly preQueueOpensAt: string;
  readonly admissionPerMinute: number;
  readonly maxInside: number;
  readonly passLifetimeSeconds: number;
  readonly paused?: boolean;
};

export function configureRoom(url: string, token: string, eventId: string, settings: RoomSettings) {
  return api<RoomSettings>(url, 'PUT', `/events/${eventId}/waiting-room`, token, settings);
}

/** Until the inventory actor has the zone's seat counter (the provisioner followed the log). */
export async function waitUntilProvisioned(url: string, adminToken: string, zoneId: string): Promise<void> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const zone = await api<{ available: number | null }>(
      url,
      'GET',
      `/admin/inventory/${zoneId}`,
      adminToken,
    ).catch(() => ({ available: null }));
    if (zone.available !== null && zone.available > 0) return;
    if (Date.now() > deadline) throw new Error(`zone ${zoneId} has no seat counter after 60 s`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** The zone's counters, as `GET /admin/inventory/:zoneId` gives them. */
export function zoneInventory(url: string, adminToken: string, zoneId: string) {
  return api<{ capacity: number; available: number | null; held: number | null; consistent: boolean }>(
    url,
    'GET',
    `/admin/inventory/${zoneId}`,
    adminToken,
  );
}

/** The room's live view for the organizer and the admin (docs/api.md, "Waiting room"). */
export type RoomView = {
  readonly phase?: string;
  readonly waiting?: number;
  readonly admittedLastMinute?: number;
  readonly inside?: number;
  readonly passesOut?: number;
  readonly seatsLeft?: number;
  readonly medianWaitSeconds?: number | null;
  readonly estimates?: {
    samples?: number;
    medianErrorSeconds?: number | null;
    withinTwentyPercent?: number | null;
  };
  readonly [setting: string]: unknown;
};

export function roomView(url: string, adminToken: string, eventId: string): Promise<RoomView> {
  return api<RoomView>(url, 'GET', `/events/${eventId}/waiting-room`, adminToken);
}

/** One of the queue's decisions as the log holds it (`waiting-room-<eventId>`). */
export type QueueDecision = {
  readonly type: string;
  readonly createdAt: string;
  readonly data: {
    readonly occurredAt?: string;
    readonly fromSeq?: number;
    readonly toSeq?: number;
    readonly prequeueCount?: number;
  };
};

const decisionTypes = ['PreQueueOpened', 'QueueShuffled', 'BuyersAdmitted', 'QueueClosed', 'QueueReopened'];

/**
 * The queue's decisions of one event from the admin feed (types filtered there, the stream here), in
 * log order; the admitted user ids are dropped as they come (`fromSeq`…`toSeq` count them).
 */
export async function readQueueDecisions(
  url: string,
  adminToken: string,
  eventId: string,
): Promise<QueueDecision[]> {
  const streamId = `waiting-room-${eventId}`;
  const decisions: QueueDecision[] = [];
  let after = '';
  for (;;) {
    const query = new URLSearchParams({ limit: '1000', type: decisionTypes.join(',') });
    if (after) query.set('after', after);
    const response = await fetch(`${url}/api/v1/admin/events?${query}`, {
      headers: { authorization: `Bearer ${adminToken}` },
      signal: AbortSignal.timeout(60_000),
    });
    const page = (await response.json()) as Envelope<(QueueDecision & { streamId: string })[]> & {
      meta?: { next: string; endOfLog: boolean };
    };
    if (!response.ok || !page.data || !page.meta)
      throw new Error(`GET /admin/events answered ${response.status}: ${JSON.stringify(page.error)}`);
    for (const event of page.data) {
      if (event.streamId !== streamId) continue;
      const { occurredAt, fromSeq, toSeq, prequeueCount } = event.data;
      decisions.push({
        type: event.type,
        createdAt: event.createdAt,
        data: { occurredAt, fromSeq, toSeq, prequeueCount },
      });
    }
    if (page.meta.endOfLog || page.meta.next === after) return decisions;
    after = page.meta.next;
  }
}
