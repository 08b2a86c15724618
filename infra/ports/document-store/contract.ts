import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { describeExpiryContract } from './contract-expiry';
import { describeGuardContract } from './contract-guard';
import { describeInsertManyContract } from './contract-insert-many';
import { describeQueriesContract } from './contract-queries';
import { uniqueCollection, type DocumentStoreFixture } from './contract-support';
import { describeWritesContract } from './contract-writes';
import type { DocumentStore } from './document-store';

export { manualClock, type DocumentStoreFixture, type TestClock } from './contract-support';

/** The DocumentStore port's contract: every adapter runs this same suite (one file per concern). */
export function describeDocumentStoreContract(adapterName: string, fixture: DocumentStoreFixture): void {
  describe(`DocumentStore contract: ${adapterName}`, () => {
    let store: DocumentStore;
    before(async () => {
      store = await fixture.open();
    });
    after(async () => {
      await fixture.close(store);
    });
    const storeOf = () => store;
    describeWritesContract(storeOf);
    describeInsertManyContract(storeOf);
    describeGuardContract(storeOf);
    describeQueriesContract(storeOf);
    describeExpiryContract(storeOf, fixture);

    describe('dropDatabase', () => {
      it('empties every collection', async () => {
        const first = store.collection(uniqueCollection('first'));
        const second = store.collection(uniqueCollection('second'));
        await first.insertOne({ n: 1 });
        await second.insertOne({ n: 2 });
        await store.dropDatabase();
        assert.equal(await first.count(), 0);
        assert.equal(await second.count(), 0);
      });
    });
  });
}
