import assert from 'node:assert/strict';
import { test } from 'node:test';
import { backoffDelay } from './backoff';

test('retry delays double from the base and stop at the cap', () => {
  const options = { baseMs: 100, maxMs: 1000 };
  assert.deepEqual(
    [1, 2, 3, 4, 5, 50].map((attempt) => backoffDelay(attempt, options)),
    [100, 200, 400, 800, 1000, 1000],
  );
});
