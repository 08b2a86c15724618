import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { AppError } from '../../domain/shared';
import { InProcessIdempotencyStore } from '../../infra/limits/in-process';
import { requestFingerprint } from './fingerprint';
import { runIdempotently } from './run-idempotently';

const request = (key: string, body: unknown = { quantity: 1 }) => ({
  scope: 'user-1',
  key,
  fingerprint: requestFingerprint('POST', '/api/v1/bookings', body),
});
const created = { status: 201, body: { success: true, data: { id: 'b1' } } };

function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

const isCode = (code: string) => (error: unknown) => error instanceof AppError && error.code === code;

describe('runIdempotently', () => {
  it('runs the work once and replays its answer to a retry', async () => {
    const store = new InProcessIdempotencyStore();
    let runs = 0;
    const work = async () => (runs++, created);
    assert.deepEqual(await runIdempotently(store, request('k'), work), { ...created, replayed: false });
    assert.deepEqual(await runIdempotently(store, request('k'), work), { ...created, replayed: true });
    assert.equal(runs, 1);
  });

  it('answers 50 concurrent retries with one run and 50 identical answers', async () => {
    const store = new InProcessIdempotencyStore();
    const gate = deferred<void>();
    let runs = 0;
    const work = async () => {
      runs++;
      await gate.promise;
      return created;
    };
    const all = Promise.all(Array.from({ length: 50 }, () => runIdempotently(store, request('k'), work)));
    gate.resolve();
    const answers = await all;
    assert.equal(runs, 1);
    assert.ok(
      answers.every((a) => a.status === 201 && JSON.stringify(a.body) === JSON.stringify(created.body)),
    );
    assert.equal(answers.filter((a) => !a.replayed).length, 1);
  });

  it('refuses the same key with another body as IDEMPOTENCY_KEY_REUSED', async () => {
    const store = new InProcessIdempotencyStore();
    await runIdempotently(store, request('k'), async () => created);
    await assert.rejects(
      runIdempotently(store, request('k', { quantity: 2 }), async () => created),
      isCode('IDEMPOTENCY_KEY_REUSED'),
    );
  });

  it('stores a 4xx AppError as its envelope, so a retry gets the same status and body', async () => {
    const store = new InProcessIdempotencyStore();
    let runs = 0;
    const work = async () => {
      runs++;
      throw new AppError('INSUFFICIENT_SEATS', 'Only 1 seat left', { available: 1 });
    };
    const first = await runIdempotently(store, request('k'), work);
    const expected = {
      status: 409,
      body: {
        success: false,
        error: { code: 'INSUFFICIENT_SEATS', message: 'Only 1 seat left', details: { available: 1 } },
      },
    };
    assert.deepEqual(first, { ...expected, replayed: false });
    assert.deepEqual(await runIdempotently(store, request('k'), work), { ...expected, replayed: true });
    assert.equal(runs, 1);
  });

  it('abandons the key on a 5xx or unknown error and rethrows, so a retry runs again', async () => {
    const store = new InProcessIdempotencyStore();
    const outage = new AppError('SERVICE_UNAVAILABLE', 'event store down');
    await assert.rejects(
      runIdempotently(store, request('k'), async () => Promise.reject(outage)),
      (e) => e === outage,
    );
    const bug = new Error('bug');
    await assert.rejects(
      runIdempotently(store, request('k'), async () => Promise.reject(bug)),
      (e) => e === bug,
    );
    assert.deepEqual(await runIdempotently(store, request('k'), async () => created), {
      ...created,
      replayed: false,
    });
  });

  it('answers 503 when the twin is still running after waitMs', async () => {
    const store = new InProcessIdempotencyStore();
    const gate = deferred<void>();
    const first = runIdempotently(store, request('k'), async () => (await gate.promise, created));
    await assert.rejects(
      runIdempotently(store, { ...request('k'), waitMs: 20 }, async () => created),
      isCode('SERVICE_UNAVAILABLE'),
    );
    gate.resolve();
    assert.equal((await first).replayed, false);
  });

  it('runs the work itself when the twin it waits for abandons', async () => {
    const store = new InProcessIdempotencyStore();
    const gate = deferred<void>();
    const failing = runIdempotently(store, request('k'), async () => {
      await gate.promise;
      throw new AppError('SERVICE_UNAVAILABLE', 'down');
    });
    let retryRuns = 0;
    const retry = runIdempotently(store, request('k'), async () => (retryRuns++, created));
    gate.resolve();
    await assert.rejects(failing, isCode('SERVICE_UNAVAILABLE'));
    assert.deepEqual(await retry, { ...created, replayed: false });
    assert.equal(retryRuns, 1);
  });

  it("still answers the work's result when storing it fails", async () => {
    const store = new InProcessIdempotencyStore();
    store.complete = async () => Promise.reject(new AppError('SERVICE_UNAVAILABLE', 'store down'));
    assert.deepEqual(await runIdempotently(store, request('k'), async () => created), {
      ...created,
      replayed: false,
    });
  });

  it('claims the key while the admission check runs, in one round trip', async () => {
    const store = new InProcessIdempotencyStore();
    const admitted = deferred<void>();
    let begunBeforeAdmitted = false;
    const begin = store.begin.bind(store);
    store.begin = async (input) => {
      begunBeforeAdmitted = true;
      return begin(input);
    };
    const answer = runIdempotently(
      store,
      request('k'),
      async () => created,
      () => admitted.promise,
    );
    await new Promise((resolve) => setImmediate(resolve));
    assert.equal(begunBeforeAdmitted, true);
    admitted.resolve();
    assert.deepEqual(await answer, { ...created, replayed: false });
  });

  it('abandons the claim when admission refuses, so the same key runs once admitted', async () => {
    const store = new InProcessIdempotencyStore();
    let runs = 0;
    const work = async () => (runs++, created);
    const refuse = () => Promise.reject(new AppError('RATE_LIMITED', 'slow down'));
    await assert.rejects(runIdempotently(store, request('k'), work, refuse), isCode('RATE_LIMITED'));
    assert.equal(runs, 0);
    assert.deepEqual(await runIdempotently(store, request('k'), work, async () => {}), {
      ...created,
      replayed: false,
    });
  });
});
