import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { formatRate, rateOf } from './rates';

describe('conversion and expiry rates', () => {
  it('shows a ratio as a percentage with at most one decimal', () => {
    assert.deepEqual(
      [formatRate(0.3333, 'en'), formatRate(0.5, 'en'), formatRate(1, 'en'), formatRate(0, 'en')],
      ['33.3%', '50%', '100%', '0%'],
    );
    assert.equal(formatRate(Number.NaN, 'en'), '0%');
  });

  it('is zero without bookings and the share otherwise', () => {
    assert.deepEqual([rateOf(1, 0), rateOf(1, 4), rateOf(3, 3)], [0, 0.25, 1]);
  });
});
