import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, describe, it } from 'node:test';
import { recordingLogger } from '../../../http/test-support';
import { describeRateLimiterContract } from '../../../ports/rate-limiter/contract';
import { createLimitsRedis, readyOf } from '../redis-client';
import { closedPortUrl, testRedisUrl } from '../test-support';
import { RedisRateLimiter } from './redis-rate-limiter';

const keyPrefix = `test:${randomBytes(6).toString('hex')}:`;
const client = createLimitsRedis(testRedisUrl());
after(() => client.quit());

describeRateLimiterContract('redis', {
  open: async () => new RedisRateLimiter(await readyOf(client), { keyPrefix, logger: recordingLogger() }),
  close: async () => undefined,
});

describe('RedisRateLimiter', () => {
  it("uses the server's TIME when no now is passed, and expires the key once the bucket would be full", async () => {
    const limiter = new RedisRateLimiter(await readyOf(client), { keyPrefix, logger: recordingLogger() });
    const [seconds, micros] = await client.time();
    const serverNow = Number(seconds) * 1000 + Math.floor(Number(micros) / 1000);
    const result = await limiter.take({ key: 'server-time', limit: 10, refillPerSecond: 1, cost: 4 });
    assert.equal(result.remaining, 6);
    assert.ok(
      Math.abs(result.resetAt - (serverNow + 4_000)) < 1_000,
      `resetAt ${result.resetAt} vs ${serverNow}`,
    );
    const ttl = await client.pttl(limiter.redisKey('server-time'));
    assert.ok(ttl > 3_000 && ttl <= 4_000, `pttl ${ttl}`);
  });

  it('fails open within the command timeout when Redis is unreachable, with one warning', async () => {
    const down = createLimitsRedis(await closedPortUrl(), { commandTimeoutMs: 100 });
    const logger = recordingLogger();
    try {
      const limiter = new RedisRateLimiter(down, { keyPrefix, logger });
      const started = Date.now();
      for (let i = 0; i < 3; i++) {
        const result = await limiter.take({ key: 'down', limit: 1, refillPerSecond: 1 });
        assert.equal(result.allowed, true);
      }
      assert.ok(Date.now() - started < 500);
      assert.equal(logger.lines.filter((l) => l.level === 'warn').length, 1);
    } finally {
      down.disconnect();
    }
  });
});
