import assert from 'node:assert/strict';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { after, before, describe, it } from 'node:test';
import type { SignedIn, UserView } from '../../../command-side/identity';
import { createTestDatabase, deleteKeysUnder, testKeyPrefix, testRedisUrl } from '../../testing';
import { startEmbedded, type RunningProcess } from '../index';
import { identityModule } from './identity-module';

const admin = { email: 'root@example.com', password: 'bootstrap-password' };

async function start(dataDir: string, env: Record<string, string> = {}): Promise<RunningProcess> {
  return startEmbedded(
    {
      PORT: '0',
      API_RESPONSE_VALIDATION: 'on',
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      LOG_LEVEL: 'error',
      BOOTSTRAP_ADMIN_EMAIL: admin.email,
      BOOTSTRAP_ADMIN_PASSWORD: admin.password,
      ...env,
    },
    { modules: [identityModule], logStream: new PassThrough().resume() },
  );
}

async function call<T>(
  running: RunningProcess,
  method: string,
  route: string,
  body?: unknown,
  token?: string,
) {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (token) headers.authorization = `Bearer ${token}`;
  const response = await fetch(`http://127.0.0.1:${running.port}/api/v1${route}`, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as { data: T; error: { code: string } } };
}

describe('identity in the embedded process', () => {
  let dataDir: string;
  before(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'booking-rush-identity-'));
  });
  after(() => rm(dataDir, { recursive: true, force: true }));

  it('creates the bootstrap admin at start-up, keeps the signing key in DATA_DIR, and both survive a restart', async () => {
    let running = await start(dataDir);
    let token: string;
    try {
      const login = await call<SignedIn>(running, 'POST', '/auth/login', admin);
      assert.equal(login.status, 200);
      assert.equal(login.body.data.user.role, 'admin');
      token = login.body.data.accessToken;
      const file = path.join(dataDir, 'jwt-secret');
      assert.equal((await stat(file)).mode & 0o777, 0o600);
    } finally {
      await running.stop();
    }
    running = await start(dataDir);
    try {
      const me = await call<UserView>(running, 'GET', '/auth/me', undefined, token);
      assert.equal(me.status, 200, 'a token from before the restart still verifies');
      assert.equal(me.body.data.email, admin.email);
      const again = await call<SignedIn>(running, 'POST', '/auth/register', { ...admin, name: 'Again' });
      assert.equal(again.status, 409, 'the second start did not register the admin twice');
    } finally {
      await running.stop();
    }
  });

  it('verifies bearer tokens on every API route: a forged one is 401 even where no sign-in is needed', async () => {
    const running = await start(dataDir, { JWT_SECRET: 'a-configured-secret-of-32-characters!' });
    try {
      const login = await call<SignedIn>(running, 'POST', '/auth/login', admin);
      const { accessToken } = login.body.data;
      assert.equal((await call(running, 'GET', '/auth/me', undefined, accessToken)).status, 200);
      const forged = await call(
        running,
        'POST',
        '/auth/refresh',
        { refreshToken: 'x.y' },
        'forged.token.here',
      );
      assert.equal(forged.status, 401);
      assert.equal(forged.body.error.code, 'UNAUTHORIZED');
    } finally {
      await running.stop();
    }
  });

  it('throttles sign-ups per client address as SIGNUPS_PER_IP says, a taken address counting too', async () => {
    const running = await start(dataDir, { SIGNUPS_PER_IP: '2' });
    try {
      const account = { email: 'ann@example.com', password: 'correct horse', name: 'Ann' };
      assert.equal((await call(running, 'POST', '/auth/register', account)).status, 201);
      const taken = await call(running, 'POST', '/auth/register', account);
      assert.deepEqual([taken.status, taken.body.error.code], [409, 'EMAIL_TAKEN']);
      const response = await fetch(`http://127.0.0.1:${running.port}/api/v1/auth/register`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ ...account, email: 'bo@example.com' }),
      });
      assert.equal(response.status, 429);
      assert.equal(((await response.json()) as { error: { code: string } }).error.code, 'RATE_LIMITED');
      assert.ok(Number(response.headers.get('retry-after')) > 0);
    } finally {
      await running.stop();
    }
  });

  it('withdraws a signed-out access token in every process sharing Redis', async () => {
    const database = await createTestDatabase();
    const keyPrefix = testKeyPrefix('identity');
    const shared = {
      EVENT_STORE: 'postgres',
      SQL_DRIVER: 'postgres',
      DATABASE_URL: database.url,
      REDIS_URL: testRedisUrl(),
      REDIS_KEY_PREFIX: keyPrefix,
      JWT_SECRET: 'a-shared-secret-of-at-least-32-characters',
      ACCESS_TOKEN_REVOCATION_POLL_MS: '50',
    };
    const one = await start(dataDir, shared);
    const other = await start(dataDir, {
      ...shared,
      BOOTSTRAP_ADMIN_EMAIL: '',
      BOOTSTRAP_ADMIN_PASSWORD: '',
    });
    try {
      const login = await call<SignedIn>(one, 'POST', '/auth/login', admin);
      const { accessToken, refreshToken } = login.body.data;
      assert.equal((await call(other, 'GET', '/auth/me', undefined, accessToken)).status, 200);
      assert.equal((await call(one, 'POST', '/auth/logout', { refreshToken }, accessToken)).status, 200);
      assert.equal((await call(one, 'GET', '/auth/me', undefined, accessToken)).status, 401, 'at once here');
      // The other process learns of it on its next read of the revocations (every 50 ms here).
      const deadline = Date.now() + 5_000;
      while ((await call(other, 'GET', '/auth/me', undefined, accessToken)).status !== 401) {
        assert.ok(Date.now() < deadline, 'the other process still accepts the token after 5 s');
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    } finally {
      await Promise.all([one.stop(), other.stop()]);
      await database.drop();
      await deleteKeysUnder(keyPrefix);
    }
  });
});
