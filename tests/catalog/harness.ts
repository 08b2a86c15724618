// The catalog API on a fresh database: the catalog module's own wiring (routes, in-memory view, commands),
// the real express app and stores, the real catalog projection, fake access tokens (a token string per
// test user; identity's JWT adapter has its own tests), and the catalog's two seat questions answered as
// if nobody had booked (the booking module answers them from the inventory actor in a process).
import { randomUUID } from 'node:crypto';
import { Container } from 'inversify';
import { AppError } from '../../domain/shared';
import type { SeatsTaken } from '../../command-side/catalog';
import type { Config } from '../../infra/config';
import { TOKENS } from '../../infra/di';
import { createHttpApp } from '../../infra/http';
import type { PageMeta } from '../../infra/http-edge';
import { recordingLogger, serve } from '../../infra/http/test-support';
import type { AccessTokens, Principal, Role } from '../../infra/ports/auth';
import { startOfLog, type Checkpoint, type EventStore } from '../../infra/ports/event-store';
import type { SqlClient } from '../../infra/ports/sql';
import type { ZoneAvailability } from '../../infra/ports/zone-availability';
import { catalogModule } from '../../infra/roles/modules/catalog-module';
import { CatalogTokens } from '../../infra/roles/modules/catalog-tokens';
import { ProjectionRunner } from '../../projections';
import { catalogProjection } from '../../projections/catalog';
import { fastOptions, type Driver } from '../../projections/testing';
import { noMetrics } from '../../infra/ports/metrics';

export type Reply<T = unknown> = {
  readonly status: number;
  readonly body: {
    success: boolean;
    data: T;
    meta?: PageMeta;
    error: { code: string; message: string; details?: unknown };
  };
};

export type RequestOptions = { readonly body?: unknown; readonly rawBody?: string; readonly token?: string };

/** Test users by token: `token(role)` signs one in. */
class FakeAccessTokens implements AccessTokens {
  private readonly principals = new Map<string, Principal>();

  add(role: Role): { token: string; principal: Principal } {
    const principal = { userId: randomUUID(), email: `${role}@example.com`, role, tenantId: 'default' };
    const token = `test-${randomUUID()}`;
    this.principals.set(token, principal);
    return { token, principal };
  }

  async issue(): Promise<never> {
    throw new Error('the catalog tests never issue tokens');
  }

  async verify(token: string): Promise<Principal> {
    const principal = this.principals.get(token);
    if (!principal) throw new AppError('UNAUTHORIZED', 'Unknown test token');
    return principal;
  }
}

/**
 * The store, remembering the checkpoint of the latest append. The read horizon is cluster-wide (other
 * test databases' transactions hold it back), so `head()` may lag behind what was just written;
 * waiting for the last append's own checkpoint does not.
 */
function rememberingAppends(store: EventStore): { store: EventStore; last(): Checkpoint } {
  let last = startOfLog;
  const remembering: EventStore = {
    append: async (streamId, events, expected) => {
      const result = await store.append(streamId, events, expected);
      if (result.checkpoint > last) last = result.checkpoint;
      return result;
    },
    readStream: (streamId, options) => store.readStream(streamId, options),
    readAll: (options) => store.readAll(options),
    streamExists: (streamId) => store.streamExists(streamId),
    head: () => store.head(),
    watch: (listener, filter) => store.watch(listener, filter),
    waitForAppendsInFlight: (timeoutMs) => store.waitForAppendsInFlight(timeoutMs),
    close: () => store.close(),
  };
  return { store: remembering, last: () => last };
}

export type CatalogApp = {
  readonly store: EventStore;
  readonly sql: SqlClient;
  signIn(role: Role): { token: string; principal: Principal };
  request<T = unknown>(method: string, path: string, options?: RequestOptions): Promise<Reply<T>>;
  /** Waits until the read models hold everything appended so far. */
  settle(): Promise<void>;
  /** Rebuilds the catalog read models from the first event; resolves once the new generation serves. */
  rebuildReadModels(): Promise<void>;
  close(): Promise<void>;
};

export async function openCatalogApp(
  driver: Driver,
  options: { seatsTaken?: SeatsTaken; bodyLimitBytes?: number } = {},
): Promise<CatalogApp> {
  const db = await driver.open();
  const { store, last } = rememberingAppends(db.store);
  const container = new Container({ defaultScope: 'Singleton' });
  container.bind(TOKENS.Config).toConstantValue({ projections: { pollMs: 20, batchSize: 100 } } as Config);
  container.bind(TOKENS.Logger).toConstantValue(recordingLogger());
  container.bind(TOKENS.Metrics).toConstantValue(noMetrics);
  container.bind(TOKENS.EventStore).toConstantValue(store);
  container.bind(TOKENS.SqlClient).toConstantValue(db.sql);
  await container.loadAsync(catalogModule);
  // Nobody books here: no seat is taken, and every seat of a zone is available.
  const noBookings: SeatsTaken = { seatsTaken: async () => 0 };
  const everySeat: ZoneAvailability = {
    available: async (zones) => new Map(zones.map((zone) => [zone.id, zone.capacity])),
  };
  container.bind(CatalogTokens.SeatsTaken).toConstantValue(options.seatsTaken ?? noBookings);
  container.bind(CatalogTokens.ZoneAvailability).toConstantValue(everySeat);

  const services = await container.getAllAsync(TOKENS.BackgroundService);
  for (const service of services) await service.start();
  const runner = new ProjectionRunner(db.sql, db.store, catalogProjection, fastOptions);
  await runner.start();
  const tokens = new FakeAccessTokens();
  const app = createHttpApp({
    logger: recordingLogger(),
    validateResponses: true,
    bodyLimitBytes: options.bodyLimitBytes ?? 64 * 1024,
    accessTokens: tokens,
    routes: await container.getAllAsync(TOKENS.ApiRoute),
  });
  const server = await serve(app);

  async function request<T>(method: string, path: string, request: RequestOptions = {}): Promise<Reply<T>> {
    const headers: Record<string, string> = {};
    const body = request.rawBody ?? (request.body === undefined ? undefined : JSON.stringify(request.body));
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (request.token) headers.authorization = `Bearer ${request.token}`;
    const response = await fetch(`${server.url}/api/v1${path}`, { method, headers, body });
    return { status: response.status, body: (await response.json()) as Reply<T>['body'] };
  }

  return {
    store: db.store,
    sql: db.sql,
    signIn: (role) => tokens.add(role),
    request,
    settle: () => runner.waitFor(last()),
    rebuildReadModels: () => runner.rebuild(),
    async close() {
      await server.close();
      await runner.stop();
      for (const service of services.reverse()) await service.stop();
      await db.close();
    },
  };
}
