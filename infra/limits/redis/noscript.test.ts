import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { requestFingerprint } from '../../../command-side/idempotency';
import { recordingLogger } from '../../http/test-support';
import { RedisIdempotencyStore } from './idempotency/redis-idempotency-store';
import { RedisRateLimiter } from './rate-limit/redis-rate-limiter';
import type { RedisClient } from '../../redis';
import { createLimitsRedis, readyOf } from './redis-client';
import { privateRedis } from './test-support';

/** A counter of one command so far (`calls` counts successes), from INFO commandstats. */
async function callsOf(client: RedisClient, command: string, counter = 'calls'): Promise<number> {
  const info = await client.info('commandstats');
  return Number(new RegExp(`cmdstat_${command}:.*\\b${counter}=(\\d+)`).exec(info)?.[1] ?? 0);
}

// On a private server: SCRIPT FLUSH is forbidden on the shared one.
describe('Lua scripts after the server lost its script cache (NOSCRIPT)', () => {
  let server: Awaited<ReturnType<typeof privateRedis>>;
  let client: RedisClient;
  before(async () => {
    server = await privateRedis();
    client = await readyOf(createLimitsRedis(server.url));
  });
  after(async () => {
    await client.quit();
    await server.stop();
  });

  it('run through EVALSHA and reload with EVAL when the server answers NOSCRIPT', async () => {
    const limiter = new RedisRateLimiter(client, { logger: recordingLogger() });
    const store = new RedisIdempotencyStore(client);
    const begin = { scope: 'u', key: 'k', fingerprint: requestFingerprint('POST', '/x', {}), ttlMs: 1_000 };
    for (let round = 1; round <= 2; round++) {
      await client.script('FLUSH');
      const evalsBefore = await callsOf(client, 'eval');
      const take = await limiter.take({ key: `r${round}`, limit: 2, refillPerSecond: 1, now: 1_000 });
      assert.deepEqual([take.allowed, take.remaining], [true, 1]);
      assert.equal((await store.begin({ ...begin, key: `k${round}` })).state, 'new');
      assert.equal(await callsOf(client, 'eval'), evalsBefore + 2, 'each script reloaded once by EVAL');
    }
    const again = await limiter.take({ key: 'r2', limit: 2, refillPerSecond: 1, now: 1_000 });
    assert.equal(again.remaining, 0);
    // ioredis sends EVAL on a connection's first use of a script, EVALSHA after: round 1 loads both
    // scripts, round 2 meets NOSCRIPT once per script and reloads them.
    assert.equal(await callsOf(client, 'evalsha', 'failed_calls'), 2, 'one NOSCRIPT per script in round 2');
    const succeeded = (await callsOf(client, 'evalsha')) - (await callsOf(client, 'evalsha', 'failed_calls'));
    assert.equal(succeeded, 1, 'a loaded script runs by its SHA');
  });
});
