import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { DeliveredMessage } from './integration-bus';
import { deliverWithRetry, retryDelayMs } from './retry';

const policy = { attempts: 4, initialDelayMs: 100, maxDelayMs: 300 };
const message: DeliveredMessage = {
  topic: 't',
  partition: 0,
  offset: '0',
  key: 'k',
  value: null,
  headers: {},
};

describe('retryDelayMs', () => {
  it('doubles from the initial delay up to the cap, keeping at least half of it fixed', () => {
    assert.deepEqual(
      [1, 2, 3, 4].map((attempt) => retryDelayMs(attempt, policy, () => 0)),
      [50, 100, 150, 150],
    );
    assert.deepEqual(
      [1, 2, 3, 4].map((attempt) => retryDelayMs(attempt, policy, () => 1)),
      [100, 200, 300, 300],
    );
  });
});

describe('deliverWithRetry', () => {
  const quick = { attempts: 3, initialDelayMs: 1, maxDelayMs: 2 };

  it('calls the handler again after a failure until it succeeds', async () => {
    let calls = 0;
    const outcome = await deliverWithRetry(
      message,
      async () => {
        if (++calls < 3) throw new Error('not yet');
      },
      { retry: quick, signal: new AbortController().signal },
    );
    assert.deepEqual(outcome, { kind: 'handled' });
    assert.equal(calls, 3);
  });

  it('gives up after the last attempt with the error text', async () => {
    const failures: number[] = [];
    const outcome = await deliverWithRetry(
      message,
      async () => {
        throw new TypeError('bad seat map');
      },
      {
        retry: quick,
        signal: new AbortController().signal,
        onAttemptFailed: (f) => failures.push(f.attempt),
      },
    );
    assert.deepEqual(outcome, { kind: 'failed', error: 'bad seat map' });
    assert.deepEqual(failures, [1, 2, 3]);
  });

  it('reports an interruption, not a failure, when the subscription stops during a failing call', async () => {
    const stopping = new AbortController();
    let calls = 0;
    const outcome = await deliverWithRetry(
      message,
      async () => {
        calls += 1;
        stopping.abort();
        throw new Error('connection reset while shutting down');
      },
      { retry: { attempts: 5, initialDelayMs: 1000, maxDelayMs: 1000 }, signal: stopping.signal },
    );
    assert.deepEqual(outcome, { kind: 'interrupted' });
    assert.equal(calls, 1);
  });
});
