import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { requestFingerprint } from '../../../command-side/idempotency';
import { describeIdempotencyContract } from '../../ports/idempotency-store/contract';
import { InProcessIdempotencyStore } from './in-process-idempotency-store';

const resultTtlMs = 60 * 60 * 1000;

describeIdempotencyContract('in-process', {
  resultTtlMs,
  open: async () => new InProcessIdempotencyStore({ resultTtlMs }),
  close: async () => undefined,
  ttlOf: async (store, scope, key) => (store as InProcessIdempotencyStore).ttlOf(scope, key),
});

describe('InProcessIdempotencyStore time', () => {
  const request = { scope: 'u', key: 'k', fingerprint: requestFingerprint('POST', '/x', {}), ttlMs: 1_000 };

  it('frees an in-flight claim once its ttl passes, and forgets an answer after the result TTL', async () => {
    let now = 1_000_000;
    const store = new InProcessIdempotencyStore({ resultTtlMs: 5_000, now: () => now });
    const first = await store.begin(request);
    assert.equal(first.state, 'new');
    now += 999;
    assert.equal((await store.begin(request)).state, 'in-flight');
    now += 1;
    const second = await store.begin(request);
    assert.equal(second.state, 'new');
    if (first.state === 'new')
      assert.equal(await store.complete(first.token, { status: 201, body: {} }), false);
    if (second.state === 'new') await store.complete(second.token, { status: 201, body: { id: 1 } });
    now += 4_999;
    assert.equal((await store.begin(request)).state, 'done');
    now += 1;
    assert.equal((await store.begin(request)).state, 'new');
  });
});
