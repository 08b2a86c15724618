import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { uniqueCollection, type DocumentStoreFixture } from './contract-support';
import type { DocumentStore, IndexSpec } from './document-store';

const ttl: IndexSpec[] = [{ fields: { minute: 1 }, expireAfterSeconds: 60 }];

/** TTL indexes: accepted everywhere; expiry checked where the adapter says it expires on the test clock. */
export function describeExpiryContract(storeOf: () => DocumentStore, fixture: DocumentStoreFixture): void {
  let store: DocumentStore;
  before(() => {
    store = storeOf();
  });

  describe('TTL indexes', () => {
    it('accepts a TTL index idempotently and keeps fresh documents', async () => {
      const counters = store.collection(uniqueCollection('counters'));
      await counters.ensureIndexes(ttl);
      await counters.ensureIndexes(ttl);
      await counters.insertOne({ zoneId: 'z1', minute: new Date(fixture.clock?.now() ?? Date.now()) });
      assert.equal(await counters.count({ zoneId: 'z1' }), 1);
    });

    it(
      'no longer returns documents whose TTL field is older than expireAfterSeconds',
      { skip: !fixture.expiresDocuments && 'this adapter does not promise prompt expiry' },
      async () => {
        const clock = fixture.clock;
        assert.ok(clock, 'an adapter that expires documents provides the clock it reads');
        const counters = store.collection(uniqueCollection('counters'));
        assert.deepEqual(await counters.ensureIndexes(ttl), { expiresDocuments: true });
        await counters.insertOne({ zoneId: 'old', minute: new Date(clock.now() - 50_000) });
        await counters.insertOne({ zoneId: 'new', minute: new Date(clock.now()) });
        await counters.insertOne({ zoneId: 'undated', minute: 'not a date' });
        clock.advance(20_000);
        const left = await counters.find({}, { sort: { zoneId: 1 } });
        assert.deepEqual(
          left.map((doc) => doc.zoneId),
          ['new', 'undated'],
        );
        clock.advance(41_000);
        assert.equal(await counters.count({ zoneId: 'new' }), 0);
        assert.equal(await counters.count({ zoneId: 'undated' }), 1, 'documents without a date never expire');
      },
    );
  });
}
