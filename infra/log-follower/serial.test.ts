import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CoalescingLoop, Mutex } from './serial';

/** Holds a run at `pass()` until `open()`; `reached` resolves once the run waits there. */
class Gate {
  private readonly arrived = Promise.withResolvers<void>();
  private readonly opened = Promise.withResolvers<void>();
  readonly reached = this.arrived.promise;

  pass(): Promise<void> {
    this.arrived.resolve();
    return this.opened.promise;
  }

  open(): void {
    this.opened.resolve();
  }
}

test('wake-ups during a run collapse into one more run, never two runs at once', async () => {
  let running = 0;
  let runs = 0;
  let gate = new Gate();
  const loop = new CoalescingLoop(async () => {
    running += 1;
    runs += 1;
    assert.equal(running, 1, 'two runs overlapped');
    await gate.pass();
    running -= 1;
  });
  loop.wake();
  await gate.reached;
  const first = gate;
  gate = new Gate();
  for (let wake = 0; wake < 10; wake += 1) loop.wake();
  first.open();
  await gate.reached;
  gate.open();
  await loop.idle();
  assert.equal(runs, 2);
});

test('the mutex runs tasks one at a time in submission order, past a failing one', async () => {
  const order: string[] = [];
  const mutex = new Mutex();
  const slow = mutex.run(async () => {
    await new Promise((resolve) => setImmediate(resolve));
    order.push('slow');
  });
  const failing = mutex.run(async () => {
    order.push('failing');
    throw new Error('boom');
  });
  const fast = mutex.run(async () => void order.push('fast'));
  await Promise.allSettled([slow, failing, fast]);
  await assert.rejects(failing, /boom/);
  assert.deepEqual(order, ['slow', 'failing', 'fast']);
});
