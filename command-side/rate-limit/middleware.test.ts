import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import express from 'express';
import { errorHandler } from '../../infra/http';
import { setPrincipal } from '../../infra/http-edge';
import { recordingLogger, serve } from '../../infra/http/test-support';
import { InProcessRateLimiter } from '../../infra/limits/in-process';
import { rateLimit } from './middleware';

describe('rateLimit middleware', () => {
  let server: Awaited<ReturnType<typeof serve>>;
  before(async () => {
    const app = express();
    app.use((req, _res, next) => {
      const user = req.header('x-test-user');
      if (user) setPrincipal(req, { userId: user, email: `${user}@x.test`, role: 'customer', tenantId: 't' });
      next();
    });
    app.post(
      '/reserve',
      rateLimit(new InProcessRateLimiter(), { name: 'reserve', limit: 2, refillPerSecond: 0.5 }),
      (_req, res) => void res.status(201).json({ success: true, data: {} }),
    );
    app.use(errorHandler(recordingLogger()));
    server = await serve(app);
  });
  after(() => server.close());

  const post = (user?: string) =>
    fetch(`${server.url}/reserve`, { method: 'POST', headers: user ? { 'x-test-user': user } : {} });

  it('sets the limit headers and answers 429 RATE_LIMITED with Retry-After once the bucket is empty', async () => {
    const first = await post('alice');
    assert.equal(first.status, 201);
    assert.equal(first.headers.get('x-ratelimit-limit'), '2');
    assert.equal(first.headers.get('x-ratelimit-remaining'), '1');
    assert.equal(first.headers.get('x-ratelimit-reset'), '2', 'seconds until full again');
    assert.equal((await post('alice')).status, 201);

    const refused = await post('alice');
    assert.equal(refused.status, 429);
    assert.equal(refused.headers.get('retry-after'), '2');
    assert.equal(refused.headers.get('x-ratelimit-remaining'), '0');
    assert.equal(refused.headers.get('x-ratelimit-reset'), '4');
    const body = (await refused.json()) as { success: boolean; error: { code: string; details: unknown } };
    assert.equal(body.success, false);
    assert.equal(body.error.code, 'RATE_LIMITED');
    assert.deepEqual(body.error.details, { retryAfterSeconds: 2 });
  });

  it('gives each user their own bucket, and anonymous callers one per IP', async () => {
    assert.equal((await post('bob')).status, 201);
    assert.equal((await post('bob')).status, 201);
    assert.equal((await post('bob')).status, 429);
    assert.equal((await post('carol')).status, 201);
    assert.equal((await post()).status, 201);
    assert.equal((await post()).status, 201);
    assert.equal((await post()).status, 429);
  });
});
