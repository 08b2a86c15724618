// The whole embedded process (startEmbedded: every module, real HTTP) on a fresh PostgreSQL database, with
// the inventory on real Redis (own key prefix) or in-process. Short TTLs and fast sweeps come from config.
import { randomBytes, randomUUID } from 'node:crypto';
import { Writable } from 'node:stream';
import type { ContainerModule } from 'inversify';
import type { BookingView } from '../../domain/booking';
import type { EventResource, ShowResource, ZoneResource } from '../../domain/catalog';
import type { BookingLifecycle } from '../../command-side/booking';
import { TOKENS } from '../../infra/di';
import type { Role } from '../../infra/ports/auth';
import type { EventStore } from '../../infra/ports/event-store';
import type { InventoryActor } from '../../infra/ports/inventory-actor';
import { roleModules, startEmbedded, type RunningProcess } from '../../infra/roles';
import { busModules } from '../../infra/roles/modules/role-modules';
import { CatalogTokens } from '../../infra/roles/modules/catalog-tokens';
import { InventoryTokens } from '../../infra/roles/modules/inventory-tokens';
import {
  createTestDatabase,
  deleteKeysUnder,
  testKeyPrefix,
  testRedisClusterNodes,
  testRedisUrl,
  type TestDatabase,
} from '../../infra/testing';

/** Where the seat counters (and limits) live: the shared Redis, the shared Redis Cluster, or in-process. */
export type Inventory = 'redis' | 'redis-cluster' | 'in-process';
export const inventories: Inventory[] = ['in-process', 'redis'];

export type Reply<T = unknown> = {
  readonly status: number;
  readonly headers: Headers;
  readonly body: { success: boolean; data: T; error: { code: string; message: string; details?: unknown } };
};

export type RequestOptions = {
  readonly body?: unknown;
  readonly token?: string;
  readonly idempotencyKey?: string;
  readonly headers?: Record<string, string>;
  readonly timeoutMs?: number;
};

export type Person = { readonly userId: string; readonly token: string };

export type BookingApp = {
  readonly url: string;
  readonly running: RunningProcess;
  readonly store: EventStore;
  readonly actor: InventoryActor;
  readonly database: TestDatabase;
  /** The environment the process started with (for child processes that share its servers). */
  readonly env: Readonly<Record<string, string>>;
  readonly logLines: Record<string, unknown>[];
  request<T = unknown>(method: string, path: string, options?: RequestOptions): Promise<Reply<T>>;
  /** A signed-in account with `role` (a token minted with the process's own key). */
  person(role?: Role): Promise<Person>;
  /** `POST /bookings` with a fresh Idempotency-Key unless one is given. */
  reserve(
    buyer: Person,
    zoneId: string,
    quantity: number,
    idempotencyKey?: string,
  ): Promise<Reply<BookingView>>;
  /** A published event on sale now with one show and one zone of `capacity` seats. */
  zoneOnSale(options?: {
    capacity?: number;
    maxTicketsPerUser?: number;
    zones?: number;
    /** When the show begins (default in 2 days): a confirmed booking's refund policy depends on it. */
    showInDays?: number;
    /** The show begins this soon instead (the sale ends with it): for what happens once it has begun. */
    showInSeconds?: number;
  }): Promise<SaleSetup>;
  close(): Promise<void>;
};

export type SaleSetup = {
  event: EventResource;
  show: ShowResource;
  zones: ZoneResource[];
  zone: ZoneResource;
};

export type BookingAppOptions = {
  readonly inventory: Inventory;
  readonly ttlSeconds?: number;
  readonly env?: Record<string, string>;
  /** Loaded after the product's modules (e.g. to wrap a port with onActivation). */
  readonly modules?: readonly ContainerModule[];
  /**
   * `off` leaves out everything on the integration bus (the booking saga, the payment service, the
   * relay, the notifier): for tests that drive the booking lifecycle by hand (or run those as child
   * processes).
   */
  readonly saga?: 'on' | 'off';
};

/** A payment request recorded on the booking without the saga or the gateway (card token is a dummy). */
export async function requestPaymentDirectly(
  lifecycle: BookingLifecycle,
  booking: { id: string; userId: string },
): Promise<string> {
  const paymentId = randomUUID();
  await lifecycle.requestPayment({
    userId: booking.userId,
    bookingId: booking.id,
    paymentId,
    card: { token: 'tok_test_direct', last4: '4242', brand: 'visa' },
    metadata: { correlationId: randomUUID(), userId: 'system:test-payments' },
  });
  return paymentId;
}

export async function openBookingApp(options: BookingAppOptions): Promise<BookingApp> {
  const database = await createTestDatabase();
  const keyPrefix = testKeyPrefix('booking');
  const logLines: Record<string, unknown>[] = [];
  const logStream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString().split('\n'))
        if (line) logLines.push(JSON.parse(line) as Record<string, unknown>);
      done();
    },
  });
  const env: Record<string, string> = {
    PORT: '0',
    HOST: '127.0.0.1',
    LOG_LEVEL: 'warn',
    EVENT_STORE: 'postgres',
    SQL_DRIVER: 'postgres',
    DATABASE_URL: database.url,
    DEMO_SEED: 'off',
    JWT_SECRET: randomBytes(24).toString('hex'),
    RESERVATION_TTL_SECONDS: String(options.ttlSeconds ?? 600),
    EXPIRY_SWEEP_INTERVAL_MS: '100',
    INVENTORY_REBUILD_SETTLE_MS: '50',
    PROJECTION_POLL_MS: '50',
    RATE_LIMITS: 'reserve=100000/100000,cancel=100000/100000,pay=100000/100000',
    REDIS_KEY_PREFIX: keyPrefix,
    API_RESPONSE_VALIDATION: 'on',
    ...(options.inventory === 'redis' ? { REDIS_URL: testRedisUrl() } : {}),
    ...(options.inventory === 'redis-cluster' ? { REDIS_CLUSTER_NODES: clusterNodes().join(',') } : {}),
    ...options.env,
  };
  const running = await startEmbedded(env, {
    logStream,
    // A module listed again in `options.modules` (already embedded) is loaded once.
    modules: [
      ...new Set([
        ...roleModules.start.filter((module) => options.saga !== 'off' || !busModules.includes(module)),
        ...(options.modules ?? []),
      ]),
    ],
  });
  const url = `http://127.0.0.1:${running.port}/api/v1`;
  const store = await running.container.getAsync(TOKENS.EventStore);
  const actor = await running.container.getAsync(InventoryTokens.Actor);
  const tokens = await running.container.getAsync(TOKENS.AccessTokens);
  const catalogView = await running.container.getAsync(CatalogTokens.View);

  const request = async <T>(method: string, path: string, opts: RequestOptions = {}): Promise<Reply<T>> => {
    const headers: Record<string, string> = { ...opts.headers };
    if (opts.body !== undefined) headers['content-type'] = 'application/json';
    if (opts.token) headers.authorization = `Bearer ${opts.token}`;
    if (opts.idempotencyKey) headers['idempotency-key'] = opts.idempotencyKey;
    const response = await fetch(`${url}${path}`, {
      method,
      headers,
      body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
      signal: AbortSignal.timeout(opts.timeoutMs ?? 30_000),
    });
    return {
      status: response.status,
      headers: response.headers,
      body: (await response.json()) as Reply<T>['body'],
    };
  };

  const person = async (role: Role = 'customer'): Promise<Person> => {
    const userId = randomUUID();
    const { accessToken } = await tokens.issue({
      userId,
      email: `${userId}@example.com`,
      role,
      tenantId: 'default',
    });
    return { userId, token: accessToken };
  };

  const expect = <T>(reply: Reply<T>, status: number): T => {
    if (reply.status !== status)
      throw new Error(`expected ${status}, got ${reply.status}: ${JSON.stringify(reply.body)}`);
    return reply.body.data;
  };

  const zoneOnSale: BookingApp['zoneOnSale'] = async ({
    capacity = 100,
    maxTicketsPerUser = 4,
    zones = 1,
    showInDays = 2,
    showInSeconds,
  } = {}) => {
    const organizer = await person('organizer');
    const token = organizer.token;
    const hour = 3_600_000;
    const startsAt =
      Date.now() + (showInSeconds === undefined ? showInDays * 24 * hour : showInSeconds * 1000);
    const event = expect(
      await request<EventResource>('POST', '/events', {
        token,
        body: {
          name: `Sale ${randomUUID().slice(0, 8)}`,
          description: 'A flash sale under test',
          venue: 'Test Hall',
          category: 'concert',
          startsAt: new Date(startsAt).toISOString(),
          saleStartsAt: new Date(Date.now() - hour).toISOString(),
          saleEndsAt: new Date(Math.min(Date.now() + 24 * hour, startsAt)).toISOString(),
          maxTicketsPerUser,
        },
      }),
      201,
    );
    const show = expect(
      await request<ShowResource>('POST', `/events/${event.id}/shows`, {
        token,
        body: { name: 'Night one', startsAt: new Date(startsAt).toISOString() },
      }),
      201,
    );
    const made: ZoneResource[] = [];
    for (let index = 0; index < zones; index++) {
      made.push(
        expect(
          await request<ZoneResource>('POST', `/shows/${show.id}/zones`, {
            token,
            body: { name: `Zone ${index + 1}`, price: 150000, currency: 'THB', capacity },
          }),
          201,
        ),
      );
    }
    const published = expect(
      await request<EventResource>('POST', `/events/${event.id}/publish`, { token }),
      200,
    );
    // The catalog view and the provisioner follow the log (reads see an append once the cluster-wide read
    // horizon passes it): wait until the sale is visible to both.
    await waitFor(() => catalogView.view.event(event.id)?.status === 'published');
    for (const zone of made) {
      await waitFor(async () => {
        const counter = await actor.snapshot({ eventId: event.id, zoneId: zone.id });
        return counter !== undefined && !counter.rebuilding;
      });
    }
    return { event: published, show, zones: made, zone: made[0]! };
  };

  return {
    url,
    running,
    store,
    actor,
    database,
    env,
    logLines,
    request,
    person,
    reserve: (buyer, zoneId, quantity, idempotencyKey = randomUUID()) =>
      request<BookingView>('POST', '/bookings', {
        token: buyer.token,
        idempotencyKey,
        body: { zoneId, quantity },
      }),
    zoneOnSale,
    async close() {
      await running.stop();
      await database.drop();
      if (options.inventory === 'redis') await deleteKeysUnder(keyPrefix);
      if (options.inventory === 'redis-cluster')
        await deleteKeysUnder(keyPrefix, { clusterNodes: clusterNodes() });
    },
  };
}

function clusterNodes(): readonly string[] {
  const nodes = testRedisClusterNodes();
  if (!nodes)
    throw new Error('TEST_REDIS_CLUSTER_NODES is not set: source .services/env (npm run services up)');
  return nodes;
}

/** Polls `condition` every 20 ms until it holds; fails after `timeoutMs`. */
export async function waitFor(
  condition: () => Promise<boolean> | boolean,
  timeoutMs = 10_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
