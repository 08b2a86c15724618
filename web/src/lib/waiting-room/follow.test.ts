import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Revalidated } from '../api/client';
import type { ApiError, ErrorCode } from '../api/result';
import { backoffMs, follow } from './follow';

type Status = { n: number; pollAfterSeconds?: number };

const failure = (code: ErrorCode, status: number, retryAfterSeconds?: number): Revalidated<Status> => ({
  ok: false,
  error: { code, message: code, status, ...(retryAfterSeconds ? { retryAfterSeconds } : {}) },
});
const changed = (n: number, etag: string, pollAfterSeconds?: number): Revalidated<Status> => ({
  ok: true,
  notModified: false,
  data: { n, ...(pollAfterSeconds === undefined ? {} : { pollAfterSeconds }) },
  etag,
});
const unchanged: Revalidated<Status> = { ok: true, notModified: true };

/** Scripted answers; records each request's ETag and every sleep. */
function script(answers: Revalidated<Status>[]) {
  const etags: (string | undefined)[] = [];
  const sleeps: number[] = [];
  const seen: number[] = [];
  const problems: (string | undefined)[] = [];
  let stop = () => {};
  const following = follow<Status>({
    async ask(etag) {
      etags.push(etag);
      const next = answers.shift();
      if (!next) {
        stop();
        return unchanged;
      }
      return next;
    },
    onchange: (data) => seen.push(data.n),
    onproblem: (error: ApiError | undefined) => problems.push(error?.code),
    pauseAfter: (data) => data.pollAfterSeconds,
    fatal: (error) => error.status === 401,
    sleep: async (ms) => void sleeps.push(ms),
    random: () => 1,
    now: () => 0,
    minIntervalMs: 0,
  });
  stop = following.stop;
  return { etags, sleeps, seen, problems, ended: following.ended };
}

describe('following the queue by long polling', () => {
  it('sends the last ETag, asks again on 304 and waits pollAfterSeconds after a change', async () => {
    const run = script([changed(1, '"a"', 2), unchanged, unchanged, changed(2, '"b"', 5)]);
    await run.ended;
    assert.deepEqual(run.seen, [1, 2]);
    assert.deepEqual(run.etags, [undefined, '"a"', '"a"', '"a"', '"b"']);
    assert.deepEqual(run.sleeps, [2000, 5000]);
  });

  it('backs off on errors, honours Retry-After and says when it recovers', async () => {
    const run = script([
      failure('NETWORK_ERROR', 0),
      failure('SERVICE_UNAVAILABLE', 503),
      failure('RATE_LIMITED', 429, 20),
      changed(1, '"a"'),
    ]);
    await run.ended;
    assert.deepEqual(run.sleeps, [1000, 2000, 20_000]);
    assert.deepEqual(run.problems, ['NETWORK_ERROR', 'SERVICE_UNAVAILABLE', 'RATE_LIMITED', undefined]);
    assert.deepEqual(run.seen, [1]);
  });

  it('stops on an error that retrying cannot fix', async () => {
    const run = script([failure('UNAUTHORIZED', 401), changed(1, '"a"')]);
    await run.ended;
    assert.deepEqual(run.problems, ['UNAUTHORIZED']);
    assert.deepEqual(run.seen, []);
    assert.equal(run.etags.length, 1);
  });

  it('never waits more than the cap between retries', () => {
    const error: ApiError = { code: 'NETWORK_ERROR', message: '', status: 0 };
    const backoff = { firstMs: 1000, maxMs: 30_000 };
    assert.equal(
      backoffMs(10, error, backoff, () => 1),
      30_000,
    );
    assert.equal(
      backoffMs(10, error, backoff, () => 0),
      15_000,
    );
  });
});
