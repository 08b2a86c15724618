import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import type { RateLimiter } from './rate-limiter';

export type RateLimiterFixture = {
  open(): Promise<RateLimiter>;
  close(limiter: RateLimiter): Promise<void>;
};

const uniqueKey = () => `k${randomBytes(6).toString('hex')}`;
const t0 = 1_800_000_000_000;

/** The RateLimiter port's contract: every adapter runs this same suite. Time is passed in: no sleeps. */
export function describeRateLimiterContract(adapterName: string, fixture: RateLimiterFixture): void {
  describe(`RateLimiter contract: ${adapterName}`, () => {
    let limiter: RateLimiter;
    before(async () => {
      limiter = await fixture.open();
    });
    after(async () => {
      await fixture.close(limiter);
    });

    it('allows a full bucket, then refuses with the time until one token is back', async () => {
      const key = uniqueKey();
      const bucket = { key, limit: 5, refillPerSecond: 2, now: t0 };
      for (let i = 4; i >= 0; i--) {
        const result = await limiter.take(bucket);
        assert.deepEqual(result, {
          allowed: true,
          limit: 5,
          remaining: i,
          resetAt: t0 + (5 - i) * 500,
          retryAfterMs: 0,
        });
      }
      const refused = await limiter.take({ ...bucket, now: t0 + 100 });
      assert.equal(refused.allowed, false);
      assert.equal(refused.remaining, 0);
      assert.equal(refused.retryAfterMs, 400);
      assert.equal(refused.resetAt, t0 + 2_500);
    });

    it('refills with time passed, never above the bucket size', async () => {
      const key = uniqueKey();
      const bucket = { key, limit: 3, refillPerSecond: 1 };
      for (let i = 0; i < 3; i++) await limiter.take({ ...bucket, now: t0 });
      assert.equal((await limiter.take({ ...bucket, now: t0 + 999 })).allowed, false);
      const refilled = await limiter.take({ ...bucket, now: t0 + 2_000 });
      assert.equal(refilled.allowed, true);
      assert.equal(refilled.remaining, 1);
      const afterLongIdle = await limiter.take({ ...bucket, now: t0 + 60_000 });
      assert.equal(afterLongIdle.remaining, 2, 'a long idle refills to the limit, not past it');
    });

    it('takes cost tokens at once and refuses a cost larger than what is left', async () => {
      const key = uniqueKey();
      const bucket = { key, limit: 4, refillPerSecond: 1, now: t0 };
      assert.equal((await limiter.take({ ...bucket, cost: 3 })).remaining, 1);
      const refused = await limiter.take({ ...bucket, cost: 2 });
      assert.equal(refused.allowed, false);
      assert.equal(refused.retryAfterMs, 1_000);
      assert.equal((await limiter.take({ ...bucket, cost: 1 })).allowed, true);
    });

    it('keeps keys independent', async () => {
      const [a, b] = [uniqueKey(), uniqueKey()];
      assert.equal((await limiter.take({ key: a, limit: 1, refillPerSecond: 1, now: t0 })).allowed, true);
      assert.equal((await limiter.take({ key: a, limit: 1, refillPerSecond: 1, now: t0 })).allowed, false);
      assert.equal((await limiter.take({ key: b, limit: 1, refillPerSecond: 1, now: t0 })).allowed, true);
    });

    it('allows exactly 50 of 200 concurrent takes on a bucket of 50', async () => {
      const bucket = { key: uniqueKey(), limit: 50, refillPerSecond: 0.001, now: t0 };
      const results = await Promise.all(Array.from({ length: 200 }, () => limiter.take(bucket)));
      assert.equal(results.filter((r) => r.allowed).length, 50);
      assert.deepEqual(
        results
          .filter((r) => r.allowed)
          .map((r) => r.remaining)
          .sort((x, y) => x - y),
        Array.from({ length: 50 }, (_, i) => i),
      );
    });

    it('rejects a configuration no bucket can satisfy', async () => {
      await assert.rejects(
        limiter.take({ key: uniqueKey(), limit: 2, refillPerSecond: 1, cost: 3 }),
        RangeError,
      );
      await assert.rejects(limiter.take({ key: uniqueKey(), limit: 2, refillPerSecond: 0 }), RangeError);
    });
  });
}
