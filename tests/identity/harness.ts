// An identity API on a fresh database: the real express app (createHttpApp), the real adapters, a clock
// the test moves. Requests go over node:http with fetch.
import { randomUUID } from 'node:crypto';
import {
  ensureUser,
  identityOperations,
  identityRouter,
  type IdentityDeps,
  type SignedIn,
} from '../../command-side/identity';
import type { UserRole } from '../../domain/identity';
import {
  Argon2PasswordHasher,
  InMemoryLoginThrottle,
  InProcessAccessTokenRevocations,
  JwtAccessTokens,
} from '../../infra/auth';
import { createHttpApp } from '../../infra/http';
import { recordingLogger, serve } from '../../infra/http/test-support';
import type { PasswordHasher } from '../../infra/ports/auth';
import type { EventStore } from '../../infra/ports/event-store';
import type { Driver } from '../../projections/testing';

export const jwtSecret = 'identity-tests-secret-of-32-characters!';

export type Reply<T = unknown> = {
  readonly status: number;
  readonly headers: Headers;
  readonly body: { success: boolean; data: T; error: { code: string; message: string; details?: unknown } };
};

export type RequestOptions = {
  readonly body?: unknown;
  readonly token?: string;
  readonly headers?: Record<string, string>;
};

export type IdentityApp = {
  readonly url: string;
  readonly store: EventStore;
  readonly deps: IdentityDeps;
  /** Moves the commands' clock (refresh-token expiry); access tokens keep real time. */
  advance(ms: number): void;
  request<T = unknown>(method: string, path: string, options?: RequestOptions): Promise<Reply<T>>;
  /** Registers through the API and returns what it answered (asserting 201). */
  register(
    overrides?: Partial<{ email: string; password: string; name: string }>,
  ): Promise<SignedIn & { password: string }>;
  /** An account with `role`, created through the commands, signed in through the API. */
  signedIn(role: UserRole): Promise<SignedIn & { password: string }>;
  close(): Promise<void>;
};

export const uniqueEmail = (prefix = 'user') => `${prefix}-${randomUUID().slice(0, 8)}@example.com`;

export async function openIdentityApp(
  driver: Driver,
  options: { hasher?: PasswordHasher; signupsPerIp?: number } = {},
): Promise<IdentityApp> {
  const db = await driver.open();
  let offsetMs = 0;
  const revocations = new InProcessAccessTokenRevocations({ ttlMs: 15 * 60_000 });
  const tokens = new JwtAccessTokens(jwtSecret, { revocations });
  // Every test registers from 127.0.0.1: sign-ups are throttled only where a test asks for it.
  const signup = { maxFailures: options.signupsPerIp ?? 10_000, windowMs: 15 * 60_000 };
  const deps: IdentityDeps = {
    store: db.store,
    hasher: options.hasher ?? new Argon2PasswordHasher(),
    tokens,
    revocations,
    throttle: new InMemoryLoginThrottle({ rules: { signup } }),
    clock: () => new Date(Date.now() + offsetMs),
  };
  const app = createHttpApp({
    logger: recordingLogger(),
    validateResponses: true,
    bodyLimitBytes: 64 * 1024,
    accessTokens: tokens,
    routes: [{ path: '', handler: identityRouter(deps), operations: identityOperations }],
  });
  const server = await serve(app);

  async function request<T>(method: string, path: string, request: RequestOptions = {}): Promise<Reply<T>> {
    const headers: Record<string, string> = { ...request.headers };
    if (request.body !== undefined) headers['content-type'] = 'application/json';
    if (request.token) headers.authorization = `Bearer ${request.token}`;
    const body = request.body === undefined ? undefined : JSON.stringify(request.body);
    const response = await fetch(`${server.url}/api/v1${path}`, { method, headers, body });
    return {
      status: response.status,
      headers: response.headers,
      body: (await response.json()) as Reply<T>['body'],
    };
  }

  async function register(overrides: Partial<{ email: string; password: string; name: string }> = {}) {
    const input = { email: uniqueEmail(), password: 'correct horse battery', name: 'Ann', ...overrides };
    const reply = await request<SignedIn>('POST', '/auth/register', { body: input });
    if (reply.status !== 201)
      throw new Error(`register answered ${reply.status}: ${JSON.stringify(reply.body)}`);
    return { ...reply.body.data, password: input.password };
  }

  return {
    url: server.url,
    store: db.store,
    deps,
    advance: (ms) => void (offsetMs += ms),
    request,
    register,
    async signedIn(role) {
      const input = { email: uniqueEmail(role), password: 'correct horse battery', name: `An ${role}`, role };
      await ensureUser(deps, input, 'tests');
      const reply = await request<SignedIn>('POST', '/auth/login', {
        body: { email: input.email, password: input.password },
      });
      if (reply.status !== 200)
        throw new Error(`login answered ${reply.status}: ${JSON.stringify(reply.body)}`);
      return { ...reply.body.data, password: input.password };
    },
    async close() {
      await server.close();
      await db.close();
    },
  };
}
