import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import type { BeginOutcome, IdempotencyStore, IdempotencyToken } from './idempotency-store';

export type IdempotencyFixture = {
  open(): Promise<IdempotencyStore>;
  close(store: IdempotencyStore): Promise<void>;
  /** Milliseconds the key has left to live (Redis: PTTL), undefined when absent. */
  ttlOf(store: IdempotencyStore, scope: string, key: string): Promise<number | undefined>;
  /** The store's result TTL, to check `complete` applies it. */
  resultTtlMs: number;
};

const unique = () => randomBytes(6).toString('hex');
/** The store compares fingerprints as opaque strings: any digest of the body stands for the request's. */
const fp = (body: unknown) => createHash('sha256').update(JSON.stringify(body)).digest('hex');

function tokenOf(outcome: BeginOutcome): IdempotencyToken {
  assert.equal(outcome.state, 'new');
  return (outcome as { token: IdempotencyToken }).token;
}

/** The IdempotencyStore port's contract: every adapter runs this same suite. */
export function describeIdempotencyContract(adapterName: string, fixture: IdempotencyFixture): void {
  describe(`IdempotencyStore contract: ${adapterName}`, () => {
    let store: IdempotencyStore;
    before(async () => {
      store = await fixture.open();
    });
    after(async () => {
      await fixture.close(store);
    });
    const request = (scope: string, key: string, body: unknown = { zoneId: 'z1', quantity: 2 }) => ({
      scope,
      key,
      fingerprint: fp(body),
      ttlMs: 30_000,
    });

    it('answers a completed key with the same status and body', async () => {
      const scope = unique();
      const token = tokenOf(await store.begin(request(scope, 'k1')));
      const body = { success: true, data: { id: 'b1', quantity: 2, nested: [1, { a: null }] } };
      assert.equal(await store.complete(token, { status: 201, body }), true);
      assert.deepEqual(await store.begin(request(scope, 'k1')), { state: 'done', status: 201, body });
    });

    it('reports the same key with another body as a mismatch, in flight and once done', async () => {
      const scope = unique();
      const token = tokenOf(await store.begin(request(scope, 'k')));
      assert.deepEqual(await store.begin(request(scope, 'k', { zoneId: 'z2' })), { state: 'mismatch' });
      await store.complete(token, { status: 201, body: {} });
      assert.deepEqual(await store.begin(request(scope, 'k', { zoneId: 'z2' })), { state: 'mismatch' });
    });

    it('gives 50 concurrent begins with one key exactly one new, the rest in flight, then all done', async () => {
      const scope = unique();
      const outcomes = await Promise.all(Array.from({ length: 50 }, () => store.begin(request(scope, 'k'))));
      const owners = outcomes.filter((o) => o.state === 'new');
      assert.equal(owners.length, 1);
      assert.equal(outcomes.filter((o) => o.state === 'in-flight').length, 49);
      await store.complete(tokenOf(owners[0]!), { status: 201, body: { id: 'x' } });
      const again = await Promise.all(Array.from({ length: 50 }, () => store.begin(request(scope, 'k'))));
      assert.ok(again.every((o) => o.state === 'done' && o.status === 201));
    });

    it('frees an abandoned key so a retry owns it, and ignores a stale token', async () => {
      const scope = unique();
      const first = tokenOf(await store.begin(request(scope, 'k')));
      assert.equal(await store.abandon(first), true);
      assert.equal(await fixture.ttlOf(store, scope, 'k'), undefined);
      const second = tokenOf(await store.begin(request(scope, 'k')));
      assert.equal(await store.abandon(first), false);
      assert.equal(await store.complete(first, { status: 500, body: {} }), false);
      assert.equal(await store.complete(second, { status: 201, body: { ok: 1 } }), true);
      assert.equal(await store.abandon(second), false, 'a finished answer is never freed');
      assert.equal((await store.begin(request(scope, 'k'))).state, 'done');
    });

    it('waitFor returns the answer once the owner completes', async () => {
      const scope = unique();
      const token = tokenOf(await store.begin(request(scope, 'k')));
      const { fingerprint } = request(scope, 'k');
      const waiting = store.waitFor({ scope, key: 'k', fingerprint, timeoutMs: 5_000 });
      await store.complete(token, { status: 202, body: { paymentId: 'p' } });
      assert.deepEqual(await waiting, { state: 'done', status: 202, body: { paymentId: 'p' } });
    });

    it('waitFor answers in-flight at its timeout, and absent once abandoned', async () => {
      const scope = unique();
      const token = tokenOf(await store.begin(request(scope, 'k')));
      const { fingerprint } = request(scope, 'k');
      assert.deepEqual(await store.waitFor({ scope, key: 'k', fingerprint, timeoutMs: 20 }), {
        state: 'in-flight',
      });
      const waiting = store.waitFor({ scope, key: 'k', fingerprint, timeoutMs: 5_000 });
      await store.abandon(token);
      assert.deepEqual(await waiting, { state: 'absent' });
    });

    it('keeps scopes (users) apart', async () => {
      const [alice, bob] = [unique(), unique()];
      const token = tokenOf(await store.begin(request(alice, 'same')));
      tokenOf(await store.begin(request(bob, 'same', { other: true })));
      await store.complete(token, { status: 201, body: { who: 'alice' } });
      assert.equal((await store.begin(request(bob, 'same', { other: true }))).state, 'in-flight');
    });

    it('lets an in-flight claim live ttlMs and a finished answer the result TTL', async () => {
      const scope = unique();
      const token = tokenOf(await store.begin({ ...request(scope, 'k'), ttlMs: 7_000 }));
      const leased = await fixture.ttlOf(store, scope, 'k');
      assert.ok(leased !== undefined && leased > 6_000 && leased <= 7_000, `in-flight ttl ${leased}`);
      await store.complete(token, { status: 201, body: {} });
      const kept = await fixture.ttlOf(store, scope, 'k');
      assert.ok(kept !== undefined && kept > fixture.resultTtlMs - 1_000 && kept <= fixture.resultTtlMs);
    });
  });
}
