import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { AppError } from '../../../domain/shared';
import { requestFingerprint } from '../../../command-side/idempotency';
import { recordingLogger } from '../../http/test-support';
import { RedisIdempotencyStore } from './idempotency/redis-idempotency-store';
import { RedisRateLimiter } from './rate-limit/redis-rate-limiter';
import type { RedisClient } from '../../redis';
import { createLimitsRedis, readyOf } from './redis-client';
import { privateRedis } from './test-support';

// A Redis that is connected but stops answering (CLIENT PAUSE WRITE on a private server; our scripts
// write, so they wait): calls must end within the command timeout, not hang the request.
describe('a Redis that stops answering', () => {
  let server: Awaited<ReturnType<typeof privateRedis>>;
  let client: RedisClient;
  let admin: RedisClient;
  before(async () => {
    server = await privateRedis();
    client = await readyOf(createLimitsRedis(server.url, { commandTimeoutMs: 100 }));
    admin = await readyOf(createLimitsRedis(server.url));
  });
  after(async () => {
    client.disconnect();
    admin.disconnect();
    await server.stop();
  });

  it('lets a rate-limited request through after the command timeout and warns (fail open)', async () => {
    const logger = recordingLogger();
    const limiter = new RedisRateLimiter(client, { logger });
    await limiter.take({ key: 'warm', limit: 1, refillPerSecond: 1 });
    await admin.client('PAUSE', 2_000, 'WRITE');
    const started = Date.now();
    const result = await limiter.take({ key: 'k', limit: 1, refillPerSecond: 1 });
    const took = Date.now() - started;
    assert.equal(result.allowed, true);
    assert.ok(took >= 90 && took < 350, `took ${took} ms`);
    assert.equal(logger.lines.filter((l) => l.level === 'warn').length, 1);
    await admin.client('UNPAUSE');
  });

  it('refuses an idempotent write with SERVICE_UNAVAILABLE after the command timeout (fail closed)', async () => {
    const store = new RedisIdempotencyStore(client);
    const request = { scope: 'u', key: 'k', fingerprint: requestFingerprint('POST', '/x', {}), ttlMs: 1_000 };
    await store.begin({ ...request, key: 'warm' });
    await admin.client('PAUSE', 2_000, 'WRITE');
    const started = Date.now();
    await assert.rejects(store.begin(request), (error: unknown) => {
      assert.ok(error instanceof AppError);
      assert.equal(error.code, 'SERVICE_UNAVAILABLE');
      return true;
    });
    assert.ok(Date.now() - started < 350);
    await admin.client('UNPAUSE');
  });
});
