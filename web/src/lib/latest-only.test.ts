import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { latestOnly } from './latest-only';

describe('latestOnly', () => {
  it('keeps only the latest of overlapping requests current, whatever order they answer in', async () => {
    const requests = latestOnly();
    const shown: string[] = [];
    const load = async (search: string, answerAfterMs: number) => {
      const isLatest = requests.begin();
      await new Promise((done) => setTimeout(done, answerAfterMs));
      if (isLatest()) shown.push(search);
    };
    await Promise.all([load('Bangkok', 20), load('nothing', 1)]);
    assert.deepEqual(shown, ['nothing']);
    await load('again', 0);
    assert.deepEqual(shown, ['nothing', 'again']);
  });
});
