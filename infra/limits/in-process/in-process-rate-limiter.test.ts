import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { describeRateLimiterContract } from '../../ports/rate-limiter/contract';
import { InProcessRateLimiter } from './in-process-rate-limiter';

describeRateLimiterContract('in-process', {
  open: async () => new InProcessRateLimiter(),
  close: async () => undefined,
});

describe('InProcessRateLimiter clock', () => {
  it('uses its clock when no now is passed', async () => {
    let now = 5_000;
    const limiter = new InProcessRateLimiter(() => now);
    const bucket = { key: 'k', limit: 1, refillPerSecond: 10 };
    assert.equal((await limiter.take(bucket)).resetAt, 5_100);
    assert.equal((await limiter.take(bucket)).allowed, false);
    now += 100;
    assert.equal((await limiter.take(bucket)).allowed, true);
  });
});
