import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { SendSlots } from './send-slots';

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('send slots', () => {
  it('lets `size` holders in at once and the next one in when a slot is released, in order', async () => {
    const slots = new SendSlots(2);
    const entered: number[] = [];
    const waiters = [1, 2, 3, 4].map((n) => slots.acquire().then(() => entered.push(n)));
    await tick();
    assert.deepEqual(entered, [1, 2]);
    slots.release();
    await tick();
    assert.deepEqual(entered, [1, 2, 3]);
    slots.release();
    slots.release();
    await Promise.all(waiters);
    assert.deepEqual(entered, [1, 2, 3, 4]);
  });

  it('settles once every holder has released', async () => {
    const slots = new SendSlots(3);
    await slots.settled();
    await slots.acquire();
    await slots.acquire();
    let settled = false;
    const done = slots.settled().then(() => (settled = true));
    slots.release();
    await tick();
    assert.equal(settled, false);
    slots.release();
    await done;
    assert.equal(settled, true);
  });

  it('refuses a size below one', () => {
    assert.throws(() => new SendSlots(0), RangeError);
  });
});
