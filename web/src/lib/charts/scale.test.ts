import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { labelledIndices, linearScale, niceStep, niceTicks } from './scale';

describe('chart scales and ticks', () => {
  it('maps a domain onto pixels, upside down for a y axis', () => {
    const y = linearScale([0, 10], [200, 0]);
    assert.deepEqual([y(0), y(5), y(10)], [200, 100, 0]);
    assert.equal(linearScale([3, 3], [0, 100])(3), 0);
  });

  it('picks steps of 1, 2 or 5 times a power of ten', () => {
    assert.deepEqual(
      [niceStep(10, 5), niceStep(7, 5), niceStep(23, 5), niceStep(1000, 4), niceStep(0.3, 5)],
      [2, 2, 5, 500, 0.1],
    );
  });

  it('covers the data with round ticks', () => {
    assert.deepEqual(niceTicks(0, 23), [0, 5, 10, 15, 20, 25]);
    assert.deepEqual(niceTicks(0, 10), [0, 2, 4, 6, 8, 10]);
    assert.deepEqual(niceTicks(0, 12_500, 4), [0, 5000, 10_000, 15_000]);
    assert.deepEqual(niceTicks(0, 0.25, 5), [0, 0.05, 0.1, 0.15, 0.2, 0.25]);
  });

  it('keeps counts on whole numbers and gives an all-zero series an axis', () => {
    assert.deepEqual(niceTicks(0, 2, 5, true), [0, 1, 2]);
    assert.deepEqual(niceTicks(0, 0, 5, true), [0, 1]);
    assert.deepEqual(niceTicks(0, 1, 5, true), [0, 1]);
  });

  it('labels every k-th point, always the newest', () => {
    assert.deepEqual(labelledIndices(5, 10), [0, 1, 2, 3, 4]);
    assert.deepEqual(labelledIndices(60, 6), [9, 19, 29, 39, 49, 59]);
    assert.deepEqual(labelledIndices(7, 3), [0, 3, 6]);
    assert.deepEqual(labelledIndices(0, 3), []);
  });
});
