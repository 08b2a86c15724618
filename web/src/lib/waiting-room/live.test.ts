import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { estimateAccuracy, formatDuration, formatShare } from './live';

describe('the live view of a waiting room', () => {
  it('writes durations briefly, with a dash when there is none', () => {
    assert.equal(formatDuration(null), '—');
    assert.equal(formatDuration(44.6), '45 s');
    assert.equal(formatDuration(185), '3 min 5 s');
    assert.equal(formatDuration(120), '2 min');
    assert.equal(formatDuration(3720), '1 h 2 min');
  });

  it('writes a share as a percentage', () => {
    assert.equal(formatShare(0.875), '88%');
    assert.equal(formatShare(1), '100%');
    assert.equal(formatShare(0), '0%');
    assert.equal(formatShare(null), '—');
  });

  it('says so when no estimate could be checked yet', () => {
    assert.match(
      estimateAccuracy({ samples: 0, medianErrorSeconds: null, withinTwentyPercent: null }),
      /No buyer admitted yet/,
    );
    assert.equal(
      estimateAccuracy({ samples: 12, medianErrorSeconds: 8, withinTwentyPercent: 0.75 }),
      '75% of estimates within 20% of the real wait; typical error 8 s (12 estimates checked).',
    );
  });
});
