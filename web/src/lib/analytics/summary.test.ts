import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { counted, peakOf } from './summary';

describe('chart summaries', () => {
  it('finds the first largest value with its label', () => {
    assert.deepEqual(peakOf(['10:00', '10:01', '10:02'], [1, 3, 3]), { label: '10:01', value: 3 });
    assert.equal(peakOf(['10:00', '10:01'], [0, 0]), undefined);
    assert.equal(peakOf([], []), undefined);
  });

  it('counts with a singular for one', () => {
    assert.deepEqual(
      [counted(1, 'booking'), counted(2, 'booking'), counted(0, 'hold'), counted(2, 'entry', 'entries')],
      ['1 booking', '2 bookings', '0 holds', '2 entries'],
    );
  });
});
