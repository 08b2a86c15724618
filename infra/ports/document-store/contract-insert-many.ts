import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { concurrently, uniqueCollection } from './contract-support';
import type { DocumentStore } from './document-store';

type Entry = { _id: string; n: number; at?: Date };

const entries = (from: number, to: number): Entry[] =>
  Array.from({ length: to - from + 1 }, (_, i) => ({ _id: `e${from + i}`, n: from + i }));

/** Unordered bulk inserts: what a projection writes once per batch, re-applied batches included. */
export function describeInsertManyContract(storeOf: () => DocumentStore): void {
  let store: DocumentStore;
  before(() => {
    store = storeOf();
  });

  describe('insertMany', () => {
    it('inserts every document and reports how many', async () => {
      const log = store.collection<Entry>(uniqueCollection('log'));
      assert.deepEqual(await log.insertMany(entries(1, 5)), { inserted: 5, duplicates: 0 });
      const stored = await log.find({}, { sort: { n: 1 } });
      assert.deepEqual(stored, entries(1, 5));
    });

    it('counts duplicates of `_id` instead of failing, keeps the stored ones and inserts the rest', async () => {
      const log = store.collection<Entry>(uniqueCollection('log'));
      await log.insertMany(entries(1, 3));
      const again = [...entries(2, 6)].map((entry) => ({ ...entry, n: entry.n * 100 }));
      assert.deepEqual(await log.insertMany(again), { inserted: 3, duplicates: 2 });
      const stored = await log.find({}, { sort: { _id: 1 } });
      assert.deepEqual(
        stored.map((entry) => [entry._id, entry.n]),
        [
          ['e1', 1],
          ['e2', 2],
          ['e3', 3],
          ['e4', 400],
          ['e5', 500],
          ['e6', 600],
        ],
      );
    });

    it('counts a duplicate of a declared unique index, and one within the same call', async () => {
      const log = store.collection<Entry>(uniqueCollection('log'));
      await log.ensureIndexes([{ fields: { n: 1 }, unique: true }]);
      await log.insertOne({ _id: 'first', n: 1 });
      const result = await log.insertMany([
        { _id: 'a', n: 1 },
        { _id: 'b', n: 2 },
        { _id: 'c', n: 2 },
        { _id: 'd', n: 3 },
      ]);
      assert.deepEqual(result, { inserted: 2, duplicates: 2 });
      assert.equal(await log.count(), 3);
      assert.equal(await log.count({ _id: 'a' }), 0);
    });

    it('inserts nothing twice when the same batch is applied again, even concurrently', async () => {
      const log = store.collection<Entry>(uniqueCollection('log'));
      const batch = entries(1, 50);
      const results = await concurrently(4, () => log.insertMany(batch));
      assert.equal(
        results.reduce((sum, result) => sum + result.inserted, 0),
        50,
      );
      assert.ok(results.every((result) => result.inserted + result.duplicates === 50));
      assert.deepEqual(await log.insertMany(batch), { inserted: 0, duplicates: 50 });
      assert.equal(await log.count(), 50);
    });

    it('accepts an empty list and leaves the caller’s documents as they were', async () => {
      const log = store.collection<Entry>(uniqueCollection('log'));
      assert.deepEqual(await log.insertMany([]), { inserted: 0, duplicates: 0 });
      const at = new Date('2026-03-01T10:00:00.123Z');
      const docs = [{ _id: 'x', n: 1, at }];
      await log.insertMany(docs);
      assert.deepEqual(docs, [{ _id: 'x', n: 1, at }]);
      const [stored] = await log.find({ _id: 'x' });
      assert.ok(stored?.at instanceof Date && stored.at.getTime() === at.getTime());
    });

    it('inserts a large batch in one call', async () => {
      const log = store.collection<Entry>(uniqueCollection('log'));
      assert.deepEqual(await log.insertMany(entries(1, 2000)), { inserted: 2000, duplicates: 0 });
      assert.deepEqual(await log.insertMany(entries(1001, 3000)), { inserted: 1000, duplicates: 1000 });
      assert.equal(await log.count(), 3000);
    });
  });
}
