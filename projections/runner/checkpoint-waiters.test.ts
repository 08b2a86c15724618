import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Checkpoint } from '../../infra/ports/event-store';
import { backoffDelay } from './backoff';
import { CheckpointWaiters } from './checkpoint-waiters';

const at = (value: string) => value as Checkpoint;

test('a waiter resolves once a checkpoint at or past its target is reached, in string order', async () => {
  const waiters = new CheckpointWaiters();
  let resolved = false;
  const waiting = waiters.wait(at('0002:0005'), at(''), 1000, () => '').then(() => (resolved = true));
  waiters.reached(at('0002:0004'));
  await new Promise((resolve) => setImmediate(resolve));
  assert.equal(resolved, false);
  waiters.reached(at('0003:0000'));
  await waiting;
  assert.equal(resolved, true);
});

test('a waiter whose target is already reached resolves at once; an unreached one times out', async () => {
  const waiters = new CheckpointWaiters();
  await waiters.wait(at('0001:0001'), at('0001:0001'), 1000, () => '');
  await assert.rejects(
    waiters.wait(at('0009:0000'), at(''), 10, () => 'status here'),
    /status here/,
  );
});

test('retry delays double from the base and stop at the cap', () => {
  const options = { baseMs: 100, maxMs: 1000 };
  assert.deepEqual(
    [1, 2, 3, 4, 5, 50].map((attempt) => backoffDelay(attempt, options)),
    [100, 200, 400, 800, 1000, 1000],
  );
});
