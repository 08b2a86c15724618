import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createApiClient } from './client';
import { TokenStore, type KeyValueStorage } from './token-store';

function memoryStorage(): KeyValueStorage {
  const map = new Map<string, string>();
  return {
    getItem: (k) => map.get(k) ?? null,
    setItem: (k, v) => void map.set(k, v),
    removeItem: (k) => void map.delete(k),
  };
}

type Call = { url: string; method: string; headers: Record<string, string>; body: unknown };
const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });

/** A fake `/api/v1` that accepts only `valid` as access token and rotates `refresh-N` tokens. */
function fakeApi() {
  const calls: Call[] = [];
  let valid = 'access-0';
  let rotation = 0;
  const impl = (async (url: string, init: RequestInit) => {
    const headers = init.headers as Record<string, string>;
    const body = init.body ? JSON.parse(String(init.body)) : undefined;
    calls.push({ url, method: init.method ?? 'GET', headers, body });
    await Promise.resolve();
    if (url.endsWith('/auth/refresh')) {
      if (body.refreshToken !== `refresh-${rotation}`)
        return json(401, { success: false, error: { code: 'UNAUTHORIZED', message: 'used' } });
      rotation += 1;
      valid = `access-${rotation}`;
      return json(200, { success: true, data: { accessToken: valid, refreshToken: `refresh-${rotation}` } });
    }
    if (headers.authorization !== `Bearer ${valid}`)
      return json(401, { success: false, error: { code: 'UNAUTHORIZED', message: 'expired' } });
    return json(200, {
      success: true,
      data: { path: url },
      meta: { page: 1, pageSize: 20, total: 1, totalPages: 1 },
    });
  }) as typeof fetch;
  return { calls, impl, expire: () => (valid = 'nothing-valid-yet') };
}

describe('the API client', () => {
  it('sends the bearer token in a header and the Idempotency-Key, never in the URL', async () => {
    const api = fakeApi();
    const tokens = new TokenStore(memoryStorage());
    tokens.save({ accessToken: 'access-0', refreshToken: 'refresh-0' });
    const result = await createApiClient(tokens, api.impl).request('POST', '/bookings', {
      body: { zoneId: 'z', quantity: 1 },
      idempotencyKey: 'key-1',
    });
    assert.deepEqual(result, {
      ok: true,
      data: { path: '/api/v1/bookings' },
      meta: { page: 1, pageSize: 20, total: 1, totalPages: 1 },
    });
    const [call] = api.calls;
    assert.equal(call?.headers.authorization, 'Bearer access-0');
    assert.equal(call?.headers['idempotency-key'], 'key-1');
    assert.doesNotMatch(call?.url ?? '', /access|refresh/);
  });

  it('refreshes once for concurrent 401s and repeats each request with the new token', async () => {
    const api = fakeApi();
    const tokens = new TokenStore(memoryStorage());
    tokens.save({ accessToken: 'stale', refreshToken: 'refresh-0' });
    const client = createApiClient(tokens, api.impl);
    const results = await Promise.all([client.request('GET', '/a'), client.request('GET', '/b')]);
    assert.deepEqual(
      results.map((r) => r.ok),
      [true, true],
    );
    assert.equal(api.calls.filter((c) => c.url.endsWith('/auth/refresh')).length, 1);
    assert.equal(tokens.accessToken, 'access-1');
    assert.equal(tokens.refreshToken, 'refresh-1');
  });

  it('gets an access token from the stored refresh token after a reload', async () => {
    const api = fakeApi();
    const storage = memoryStorage();
    new TokenStore(storage).save({ accessToken: 'lost-on-reload', refreshToken: 'refresh-0' });
    const result = await createApiClient(new TokenStore(storage), api.impl).request('GET', '/auth/me');
    assert.equal(result.ok, true);
    assert.deepEqual(
      api.calls.map((c) => c.url),
      ['/api/v1/auth/refresh', '/api/v1/auth/me'],
    );
  });

  it('answers the 401 and signs out when the refresh token is refused', async () => {
    const api = fakeApi();
    const tokens = new TokenStore(memoryStorage());
    tokens.save({ accessToken: 'stale', refreshToken: 'stolen-and-used' });
    const result = await createApiClient(tokens, api.impl).request('GET', '/bookings');
    assert.equal(result.ok, false);
    assert.equal(!result.ok && result.error.code, 'UNAUTHORIZED');
    assert.equal(tokens.refreshToken, undefined);
  });

  it('maps a failed fetch to NETWORK_ERROR and a non-envelope 502 to SERVICE_UNAVAILABLE with Retry-After', async () => {
    const tokens = new TokenStore(memoryStorage());
    const offline = createApiClient(tokens, (async () => {
      throw new TypeError('Failed to fetch');
    }) as typeof fetch);
    const down = await offline.request('GET', '/events');
    assert.deepEqual(down, {
      ok: false,
      error: { code: 'NETWORK_ERROR', message: 'Failed to fetch', status: 0 },
    });
    const proxy = createApiClient(
      tokens,
      (async () =>
        new Response('<html>bad gateway</html>', {
          status: 502,
          headers: { 'retry-after': '5' },
        })) as typeof fetch,
    );
    const bad = await proxy.request('GET', '/events');
    assert.equal(!bad.ok && bad.error.code, 'SERVICE_UNAVAILABLE');
    assert.equal(!bad.ok && bad.error.retryAfterSeconds, 5);
  });
  it('sends extra headers such as Queue-Pass with the request', async () => {
    const api = fakeApi();
    const tokens = new TokenStore(memoryStorage());
    tokens.save({ accessToken: 'access-0', refreshToken: 'refresh-0' });
    await createApiClient(tokens, api.impl).request('POST', '/bookings', {
      body: { zoneId: 'z', quantity: 1 },
      idempotencyKey: 'key-1',
      headers: { 'queue-pass': 'pass-token' },
    });
    assert.equal(api.calls[0]?.headers['queue-pass'], 'pass-token');
    assert.equal(api.calls[0]?.headers.authorization, 'Bearer access-0');
  });

  it('revalidates with If-None-Match: a 304 is "not modified", a 200 brings the data and its ETag', async () => {
    const tokens = new TokenStore(memoryStorage());
    tokens.save({ accessToken: 'access-0', refreshToken: 'refresh-0' });
    const sent: (string | undefined)[] = [];
    const client = createApiClient(tokens, (async (_url: string, init: RequestInit) => {
      const etag = (init.headers as Record<string, string>)['if-none-match'];
      sent.push(etag);
      if (etag === '"v1"') return new Response(null, { status: 304 });
      return json(200, { success: true, data: { v: 1 } }, { etag: '"v1"' });
    }) as typeof fetch);
    assert.deepEqual(await client.revalidate('/events/e/queue', undefined), {
      ok: true,
      notModified: false,
      data: { v: 1 },
      etag: '"v1"',
    });
    assert.deepEqual(await client.revalidate('/events/e/queue?wait=25', '"v1"'), {
      ok: true,
      notModified: true,
    });
    assert.deepEqual(sent, [undefined, '"v1"']);
  });
});
