import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CheckpointWaiters } from './checkpoint-waiters';
import type { Checkpoint } from './event-store';

const at = (value: string) => value as Checkpoint;
const timedOut = (message: string) => () => new Error(message);

test('a waiter resolves once a checkpoint at or past its target is reached, in string order', async () => {
  const waiters = new CheckpointWaiters();
  let resolved = false;
  const waiting = waiters.wait(at('0002:0005'), at(''), 1000, timedOut('')).then(() => (resolved = true));
  waiters.reached(at('0002:0004'));
  await new Promise((resolve) => setImmediate(resolve));
  assert.equal(resolved, false);
  waiters.reached(at('0003:0000'));
  await waiting;
  assert.equal(resolved, true);
});

test('a waiter whose target is already reached resolves at once; an unreached one times out', async () => {
  const waiters = new CheckpointWaiters();
  await waiters.wait(at('0001:0001'), at('0001:0001'), 1000, timedOut(''));
  await assert.rejects(waiters.wait(at('0009:0000'), at(''), 10, timedOut('status here')), /status here/);
});

test('rejectAll fails every waiter with the given error', async () => {
  const waiters = new CheckpointWaiters();
  const waiting = waiters.wait(at('0009:0000'), at(''), 1000, timedOut(''));
  waiters.rejectAll(new Error('stopped'));
  await assert.rejects(waiting, /stopped/);
});
