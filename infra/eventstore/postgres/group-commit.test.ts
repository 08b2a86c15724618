import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { GroupCommit } from './group-commit';

type Flush = {
  items: number[];
  finish: (outcomes?: Array<number | Error>) => void;
  fail: (error: Error) => void;
};

/** A flush function the test completes by hand, recording every batch it was given. */
function manualFlush() {
  const flushes: Flush[] = [];
  let announce: (() => void) | undefined;
  const flush = (items: number[]) =>
    new Promise<Array<number | Error>>((resolve, reject) => {
      flushes.push({
        items,
        finish: (outcomes) => resolve(outcomes ?? items.map((i) => i * 10)),
        fail: reject,
      });
      announce?.();
    });
  const nextFlush = async (index: number) => {
    while (flushes.length <= index) await new Promise<void>((resolve) => (announce = resolve));
    return flushes[index]!;
  };
  return { flush, flushes, nextFlush };
}

describe('GroupCommit', () => {
  it('writes the requests of one moment together and resolves each caller with its own result', async () => {
    const { flush, flushes, nextFlush } = manualFlush();
    const group = new GroupCommit(flush, { maxBatchSize: 100, maxConcurrentFlushes: 1 });
    const results = Promise.all([1, 2, 3].map((i) => group.submit(i)));
    (await nextFlush(0)).finish();
    assert.deepEqual(await results, [10, 20, 30]);
    assert.equal(flushes.length, 1);
  });

  it('collects what arrives during a flush into the next one, and resolves nobody before its commit', async () => {
    const { flush, flushes, nextFlush } = manualFlush();
    const group = new GroupCommit(flush, { maxBatchSize: 100, maxConcurrentFlushes: 1 });
    const first = group.submit(1);
    const firstFlush = await nextFlush(0);
    const later = [2, 3, 4].map((i) => group.submit(i));
    let laterSettled = false;
    void Promise.all(later).then(() => (laterSettled = true));
    firstFlush.finish();
    assert.equal(await first, 10);
    const secondFlush = await nextFlush(1);
    assert.deepEqual(secondFlush.items, [2, 3, 4]);
    assert.equal(laterSettled, false);
    secondFlush.finish();
    assert.deepEqual(await Promise.all(later), [20, 30, 40]);
    assert.equal(flushes.length, 2);
  });

  it('rejects every caller of a failed batch and goes on with the next batch', async () => {
    const { flush, nextFlush } = manualFlush();
    const group = new GroupCommit(flush, { maxBatchSize: 100, maxConcurrentFlushes: 1 });
    const doomed = [1, 2].map((i) => group.submit(i));
    const failing = await nextFlush(0);
    const survivor = group.submit(3);
    failing.fail(new Error('disk full'));
    for (const result of await Promise.allSettled(doomed)) {
      assert.equal(result.status, 'rejected');
      assert.equal((result as PromiseRejectedResult).reason.message, 'disk full');
    }
    (await nextFlush(1)).finish();
    assert.equal(await survivor, 30);
  });

  it('fails only the item whose outcome is an error', async () => {
    const { flush, nextFlush } = manualFlush();
    const group = new GroupCommit(flush, { maxBatchSize: 100, maxConcurrentFlushes: 1 });
    const results = Promise.allSettled([1, 2].map((i) => group.submit(i)));
    (await nextFlush(0)).finish([10, new Error('conflict')]);
    const [ok, failed] = await results;
    assert.deepEqual(ok, { status: 'fulfilled', value: 10 });
    assert.equal(failed?.status, 'rejected');
  });

  it('takes at most maxBatchSize items per flush and runs at most maxConcurrentFlushes at once', async () => {
    const { flush, flushes, nextFlush } = manualFlush();
    const group = new GroupCommit(flush, { maxBatchSize: 2, maxConcurrentFlushes: 2 });
    const all = Promise.all([1, 2, 3, 4, 5].map((i) => group.submit(i)));
    const [a, b] = [await nextFlush(0), await nextFlush(1)];
    assert.deepEqual(
      [a.items, b.items],
      [
        [1, 2],
        [3, 4],
      ],
    );
    await new Promise((resolve) => setImmediate(resolve));
    assert.equal(flushes.length, 2, 'a third flush started while two were running');
    a.finish();
    (await nextFlush(2)).finish();
    b.finish();
    assert.deepEqual(await all, [10, 20, 30, 40, 50]);
  });
});
