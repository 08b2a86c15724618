import assert from 'node:assert/strict';
import { EventEmitter } from 'node:events';
import { describe, it, type TestContext } from 'node:test';
import { LogWatcher, type LogSubscription } from './log-watcher';

class FakeSubscription extends EventEmitter implements LogSubscription {
  unsubscribed = false;
  async unsubscribe(): Promise<void> {
    this.unsubscribed = true;
  }
}

function fakeServer() {
  const subscriptions: FakeSubscription[] = [];
  const watcher = new LogWatcher(
    () => {
      const subscription = new FakeSubscription();
      subscriptions.push(subscription);
      return subscription;
    },
    { debounceMs: 5, minRetryMs: 5, maxRetryMs: 20 },
  );
  return { watcher, subscriptions };
}

/** A clock the test moves by hand: debounce and retry timers fire exactly when it says. */
function manualClock(t: TestContext) {
  t.mock.timers.enable({ apis: ['setTimeout'] });
  return async (ms: number) => {
    t.mock.timers.tick(ms);
    await new Promise((resolve) => setImmediate(resolve));
  };
}

describe('watching $all', () => {
  it('subscribes once for all watchers and wakes each once for a burst of events', async (t) => {
    const advance = manualClock(t);
    const { watcher, subscriptions } = fakeServer();
    const woken = [0, 0];
    const unwatch = [watcher.watch(() => (woken[0]! += 1)), watcher.watch(() => (woken[1]! += 1))];
    assert.equal(subscriptions.length, 1);
    for (let i = 0; i < 10; i++) subscriptions[0]!.emit('data', {});
    await advance(30);
    assert.deepEqual(woken, [1, 1]);
    for (const stop of unwatch) stop();
  });

  it('unsubscribes when the last watcher leaves', () => {
    const { watcher, subscriptions } = fakeServer();
    const first = watcher.watch(() => {});
    const second = watcher.watch(() => {});
    first();
    assert.equal(subscriptions[0]!.unsubscribed, false);
    second();
    assert.equal(subscriptions[0]!.unsubscribed, true);
  });

  it('subscribes again after the subscription fails, and wakes watchers once it is back', async (t) => {
    const advance = manualClock(t);
    const { watcher, subscriptions } = fakeServer();
    let woken = 0;
    const unwatch = watcher.watch(() => (woken += 1));
    subscriptions[0]!.emit('error', new Error('server went away'));
    assert.equal(subscriptions[0]!.unsubscribed, true);
    await advance(20);
    assert.equal(subscriptions.length, 2);
    subscriptions[1]!.emit('confirmation');
    await advance(20);
    assert.equal(woken, 1);
    unwatch();
  });

  it('wakes watchers for local appends too, and not after they left', async (t) => {
    const advance = manualClock(t);
    const { watcher } = fakeServer();
    let woken = 0;
    const unwatch = watcher.watch(() => (woken += 1));
    watcher.notify();
    await advance(20);
    unwatch();
    watcher.notify();
    await advance(20);
    assert.equal(woken, 1);
  });
});
