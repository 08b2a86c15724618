// The floor the endpoint is compared with, measured in the same run: raw `node:http`, the same Lua hold
// (RedisInventoryActor.hold) and the same append of BookingReserved through the PostgreSQL event store's
// group commit. No framework, no auth (the buyer comes from the `x-buyer` header), no validation, no
// idempotency layer beyond the hold script's own key, no rate limit, no logging.
// Run as its own process by the harness: BASELINE_PORT, BASELINE_DATABASE_URL, BASELINE_REDIS_URL,
// BASELINE_KEY_PREFIX, BASELINE_TTL_MS.
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { PostgresEventStore } from '../../infra/eventstore/postgres';
import { RedisInventoryActor } from '../../infra/inventory/redis';
import { PgSqlClient } from '../../infra/sql';

export type BaselineZone = {
  readonly zoneId: string;
  readonly eventId: string;
  readonly showId: string;
  readonly price: number;
  readonly currency: string;
  readonly capacity: number;
  readonly maxPerUser: number;
};

const env = (name: string) => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set`);
  return value;
};

const sql = new PgSqlClient({ connectionString: env('BASELINE_DATABASE_URL'), maxConnections: 10 });
const store = await PostgresEventStore.open(sql, { maxBatchSize: 500, maxConcurrentFlushes: 2 });
const actor = await RedisInventoryActor.open({
  url: env('BASELINE_REDIS_URL'),
  keyPrefix: env('BASELINE_KEY_PREFIX'),
});
const ttlMs = Number(env('BASELINE_TTL_MS'));
const zones = new Map<string, BaselineZone>();

function send(res: ServerResponse, status: number, body: unknown): void {
  const json = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(json) });
  res.end(json);
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return JSON.parse(Buffer.concat(chunks).toString('utf8'));
}

async function reserve(req: IncomingMessage, res: ServerResponse): Promise<void> {
  const { zoneId, quantity } = (await readJson(req)) as { zoneId: string; quantity: number };
  const zone = zones.get(zoneId);
  if (!zone) return send(res, 404, { success: false, error: { code: 'ZONE_NOT_FOUND' } });
  const userId = String(req.headers['x-buyer']);
  const now = Date.now();
  const held = await actor.hold({
    bookingId: randomUUID(),
    eventId: zone.eventId,
    zoneId,
    userId,
    quantity,
    unitPrice: zone.price,
    currency: zone.currency,
    idempotencyKey: `${userId}:${String(req.headers['idempotency-key'])}`,
    // The same one call as the endpoint's: its bucket (as raised for the benchmark) and key check too.
    fingerprint: `${zoneId}:${quantity}`,
    bucket: { limit: 1_000_000, refillPerSecond: 1_000_000 },
    maxPerUser: zone.maxPerUser,
    ttlMs,
    now,
  });
  if (!held.ok) return send(res, 409, { success: false, error: { code: held.reason } });
  const { hold } = held;
  const data = {
    bookingId: hold.bookingId,
    userId,
    eventId: zone.eventId,
    showId: zone.showId,
    zoneId,
    quantity,
    unitPrice: hold.unitPrice,
    totalPrice: hold.unitPrice * quantity,
    currency: hold.currency,
    expiresAt: new Date(hold.expiresAt).toISOString(),
    reservedAt: new Date(now).toISOString(),
  };
  const metadata = { correlationId: randomUUID(), userId, tenantId: 'default', schemaVersion: 1 };
  try {
    await store.append(
      `booking-${hold.bookingId}`,
      [{ type: 'BookingReserved', data, metadata }],
      'no_stream',
    );
  } catch {
    await actor.release({ eventId: zone.eventId, bookingId: hold.bookingId }).catch(() => undefined);
    return send(res, 503, { success: false, error: { code: 'SERVICE_UNAVAILABLE' } });
  }
  send(res, 201, { success: true, data: { id: hold.bookingId, status: 'reserved', ...data } });
}

/** Control endpoint used by the harness before a scenario: provision zones in Redis and remember them. */
async function addZones(req: IncomingMessage, res: ServerResponse): Promise<void> {
  const added = (await readJson(req)) as BaselineZone[];
  for (const zone of added) {
    // The catalog's fact, so the invariant checker knows the zone's capacity in this store too.
    const { eventId, showId, zoneId, price, currency, capacity } = zone;
    const created = { eventId, showId, zoneId, name: zoneId, price, currency, capacity };
    await store.append(
      `event-${eventId}`,
      [{ type: 'ZoneCreated', data: { ...created, occurredAt: new Date().toISOString() }, metadata: {} }],
      'any',
    );
    await actor.provisionZone({ eventId, zoneId, capacity });
    zones.set(zone.zoneId, zone);
  }
  send(res, 200, { success: true });
}

const server = createServer((req, res) => {
  const route =
    req.method === 'POST' && req.url === '/api/v1/bookings'
      ? reserve
      : req.method === 'POST' && req.url === '/_zones'
        ? addZones
        : req.url === '/ready'
          ? async () => send(res, 200, { status: 'ok' })
          : async () => send(res, 404, { success: false, error: { code: 'NOT_FOUND' } });
  route(req, res).catch((error: unknown) => {
    if (!res.headersSent) send(res, 503, { success: false, error: { code: 'SERVICE_UNAVAILABLE' } });
    process.stderr.write(`baseline: ${String(error)}\n`);
  });
});
server.keepAliveTimeout = 60_000;
server.listen(Number(env('BASELINE_PORT')), '127.0.0.1');

const shutdown = () => {
  server.close();
  server.closeAllConnections();
  void Promise.allSettled([actor.close(), store.close()])
    .then(() => sql.close())
    .finally(() => process.exit(0));
};
process.once('SIGTERM', shutdown);
process.once('SIGINT', shutdown);
