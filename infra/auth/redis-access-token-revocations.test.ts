import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, describe, it } from 'node:test';
import { AppError } from '../../domain/shared';
import { recordingLogger } from '../http/test-support';
import { describeAccessTokenRevocationsContract } from '../ports/auth/access-token-revocations-contract';
import { createLimitsRedis, readyOf } from '../limits/redis';
import { closedPortUrl } from '../limits/redis/test-support';
import { testRedisUrl } from '../testing';
import { RedisAccessTokenRevocations } from './redis-access-token-revocations';

const client = createLimitsRedis(testRedisUrl());
after(() => client.quit());

describeAccessTokenRevocationsContract('redis', {
  open: async ({ ttlMs, clock }) => {
    const keyPrefix = `test:${randomBytes(6).toString('hex')}:`;
    const options = { ttlMs, clock, pollMs: 60_000, keyPrefix, logger: recordingLogger() };
    const redis = await readyOf(client);
    const one = new RedisAccessTokenRevocations(redis, options);
    const other = new RedisAccessTokenRevocations(redis, options);
    await Promise.all([one.start(), other.start()]);
    return {
      one,
      other,
      sync: () => other.poll(),
      close: async () => {
        await Promise.all([one.stop(), other.stop()]);
        await client.del(`${keyPrefix}access-token-revocations`);
      },
    };
  },
});

describe('RedisAccessTokenRevocations', () => {
  const options = () => ({
    ttlMs: 15 * 60_000,
    pollMs: 60_000,
    keyPrefix: `test:${randomBytes(6).toString('hex')}:`,
    logger: recordingLogger(),
  });

  it('gives a process that starts later the revocations of the last token lifetime', async () => {
    const shared = options();
    const early = new RedisAccessTokenRevocations(await readyOf(client), shared);
    await early.start();
    await early.revokeSession('s-1');
    await early.revokeOtherRoles('u-1', 'customer');
    const late = new RedisAccessTokenRevocations(await readyOf(client), shared);
    await late.start();
    try {
      assert.equal(late.isRevoked({ userId: 'u-2', role: 'customer', sessionId: 's-1' }), true);
      assert.equal(late.isRevoked({ userId: 'u-1', role: 'admin' }), true);
    } finally {
      await Promise.all([early.stop(), late.stop()]);
      await client.del(`${shared.keyPrefix}access-token-revocations`);
    }
  });

  it('answers 503 when Redis cannot take a revocation, and still applies it in this process', async () => {
    const down = createLimitsRedis(await closedPortUrl(), { commandTimeoutMs: 100 });
    try {
      const revocations = new RedisAccessTokenRevocations(down, options());
      await assert.rejects(revocations.revokeSession('s-1'), (error: unknown) => {
        assert.ok(error instanceof AppError);
        assert.equal(error.code, 'SERVICE_UNAVAILABLE');
        return true;
      });
      assert.equal(revocations.isRevoked({ userId: 'u-1', role: 'customer', sessionId: 's-1' }), true);
    } finally {
      down.disconnect();
    }
  });
});
