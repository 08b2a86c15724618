import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { bucketSize, buckets } from './buckets';

describe('bucketing a long series', () => {
  it('keeps short series per point and groups long ones to fit', () => {
    assert.deepEqual(
      [
        bucketSize(15, 90),
        bucketSize(60, 90),
        bucketSize(180, 90),
        bucketSize(360, 90),
        bucketSize(1440, 90),
      ],
      [1, 1, 2, 5, 20],
    );
    assert.equal(bucketSize(100_000, 90), 1112);
  });

  it('groups consecutive items, the last group possibly shorter', () => {
    assert.deepEqual(buckets([1, 2, 3, 4, 5], 2), [[1, 2], [3, 4], [5]]);
    assert.deepEqual(buckets([1, 2], 1), [[1], [2]]);
    assert.deepEqual(buckets([], 3), []);
  });
});
