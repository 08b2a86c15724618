import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, describe, it } from 'node:test';
import { AppError } from '../../../../domain/shared';
import { requestFingerprint } from '../../../../command-side/idempotency';
import { describeIdempotencyContract } from '../../../ports/idempotency-store/contract';
import { createLimitsRedis, readyOf } from '../redis-client';
import { closedPortUrl, testRedisUrl } from '../test-support';
import { RedisIdempotencyStore } from './redis-idempotency-store';

const keyPrefix = `test:${randomBytes(6).toString('hex')}:`;
const resultTtlMs = 60 * 60 * 1000;
const client = createLimitsRedis(testRedisUrl());
after(() => client.quit());

describeIdempotencyContract('redis', {
  resultTtlMs,
  open: async () => new RedisIdempotencyStore(await readyOf(client), { keyPrefix, resultTtlMs }),
  close: async () => undefined,
  ttlOf: async (store, scope, key) => {
    const ttl = await client.pttl((store as RedisIdempotencyStore).redisKey(scope, key));
    return ttl < 0 ? undefined : ttl;
  },
});

describe('RedisIdempotencyStore when Redis is unreachable', () => {
  it('fails closed, fast, with SERVICE_UNAVAILABLE', async () => {
    const down = createLimitsRedis(await closedPortUrl());
    try {
      const store = new RedisIdempotencyStore(down, { keyPrefix });
      const started = Date.now();
      const request = {
        scope: 'u',
        key: 'k',
        fingerprint: requestFingerprint('POST', '/x', {}),
        ttlMs: 1_000,
      };
      await assert.rejects(store.begin(request), (error: unknown) => {
        assert.ok(error instanceof AppError);
        assert.equal(error.code, 'SERVICE_UNAVAILABLE');
        return true;
      });
      assert.ok(Date.now() - started < 1_000);
    } finally {
      down.disconnect();
    }
  });
});
