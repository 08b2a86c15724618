import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { InMemoryLoginThrottle } from './index';

const minute = 60_000;

function throttle() {
  let now = 0;
  const limiter = new InMemoryLoginThrottle({ clock: () => now });
  return { limiter, advance: (ms: number) => void (now += ms) };
}

describe('the in-process login throttle', () => {
  it('lets an account fail 5 times in 15 minutes, then makes it wait until the oldest failure ages out', async () => {
    const { limiter, advance } = throttle();
    const keys = ['account:ann@example.com'];
    for (let failure = 0; failure < 5; failure++) {
      assert.equal(await limiter.retryAfterSeconds(keys), 0);
      await limiter.recordFailure(keys);
      advance(minute);
    }
    // Failures at 0..4 minutes; now 5 minutes: the first leaves the window at 15 minutes.
    assert.equal(await limiter.retryAfterSeconds(keys), 10 * 60);
    advance(10 * minute - 1);
    assert.equal(await limiter.retryAfterSeconds(keys), 1);
    advance(1);
    assert.equal(await limiter.retryAfterSeconds(keys), 0);
  });

  it('allows 20 failures per ip before it waits, and answers the longest wait of the keys asked', async () => {
    const { limiter } = throttle();
    for (let failure = 0; failure < 19; failure++)
      await limiter.recordFailure([`account:a${failure}@x.io`, 'ip:1.2.3.4']);
    assert.equal(await limiter.retryAfterSeconds(['account:new@x.io', 'ip:1.2.3.4']), 0);
    await limiter.recordFailure(['ip:1.2.3.4']);
    assert.equal(await limiter.retryAfterSeconds(['account:new@x.io', 'ip:1.2.3.4']), 15 * 60);
    assert.equal(await limiter.retryAfterSeconds(['account:new@x.io', 'ip:5.6.7.8']), 0);
  });

  it('forgets an account after a reset', async () => {
    const { limiter } = throttle();
    for (let failure = 0; failure < 5; failure++) await limiter.recordFailure(['account:ann@example.com']);
    await limiter.reset(['account:ann@example.com']);
    assert.equal(await limiter.retryAfterSeconds(['account:ann@example.com']), 0);
  });

  it('drops keys whose failures all aged out, so a spray of addresses does not grow memory forever', async () => {
    const { limiter, advance } = throttle();
    for (let failure = 0; failure < 999; failure++) await limiter.recordFailure([`account:a${failure}@x.io`]);
    assert.equal(limiter.size, 999);
    advance(16 * minute);
    await limiter.recordFailure(['account:last@x.io']);
    assert.equal(limiter.size, 1);
  });
});
