import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { inventoryTarget } from './inventory';

describe('the event an inventory check is for', () => {
  it('says to choose or type an event when neither is given', () => {
    for (const [typed, choice] of [
      ['', ''],
      ['   ', ''],
    ] as const)
      assert.deepEqual(inventoryTarget(typed, choice), {
        ok: false,
        message: 'Choose an event from the list or type its id, then check.',
      });
  });

  it('takes a typed id, trimmed, over the chosen event', () => {
    assert.deepEqual(inventoryTarget(' typed-id ', 'chosen-id'), { ok: true, eventId: 'typed-id' });
    assert.deepEqual(inventoryTarget('', 'chosen-id'), { ok: true, eventId: 'chosen-id' });
  });
});
