import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { uniqueCollection } from './contract-support';
import type { DocumentCollection, DocumentStore } from './document-store';

type Sale = { _id: string; zoneId: string; qty: number; buyer: string };

const sales: Sale[] = [
  { _id: 's1', zoneId: 'vip', qty: 2, buyer: 'ann@example.com' },
  { _id: 's2', zoneId: 'floor', qty: 4, buyer: 'bob@example.com' },
  { _id: 's3', zoneId: 'vip', qty: 1, buyer: 'cat@example.org' },
  { _id: 's4', zoneId: 'balcony', qty: 3, buyer: 'dan@example.org' },
  { _id: 's5', zoneId: 'floor', qty: 6, buyer: 'eve@example.com' },
];

/** find with operators and options, count, and the aggregation stages dashboards use. */
export function describeQueriesContract(storeOf: () => DocumentStore): void {
  let collection: DocumentCollection<Sale>;
  before(async () => {
    collection = storeOf().collection<Sale>(uniqueCollection('sales'));
    for (const sale of sales) await collection.insertOne(sale);
  });
  const ids = async (filter: Record<string, unknown>) =>
    (await collection.find(filter, { sort: { _id: 1 } })).map((sale) => sale._id);

  describe('find and count', () => {
    it('matches comparison, set and pattern operators', async () => {
      assert.deepEqual(await ids({ zoneId: 'vip' }), ['s1', 's3']);
      assert.deepEqual(await ids({ zoneId: { $eq: 'floor' } }), ['s2', 's5']);
      assert.deepEqual(await ids({ qty: { $gt: 3 } }), ['s2', 's5']);
      assert.deepEqual(await ids({ qty: { $gte: 3 } }), ['s2', 's4', 's5']);
      assert.deepEqual(await ids({ qty: { $lt: 2 } }), ['s3']);
      assert.deepEqual(await ids({ qty: { $lte: 2 } }), ['s1', 's3']);
      assert.deepEqual(await ids({ qty: { $gte: 2, $lt: 4 } }), ['s1', 's4']);
      assert.deepEqual(await ids({ zoneId: { $in: ['balcony', 'vip'] } }), ['s1', 's3', 's4']);
      assert.deepEqual(await ids({ buyer: { $regex: '@example\\.org$' } }), ['s3', 's4']);
      assert.deepEqual(await ids({ $or: [{ qty: 6 }, { zoneId: 'balcony' }] }), ['s4', 's5']);
    });

    it('sorts on several fields, skips and limits', async () => {
      const page = await collection.find({}, { sort: { zoneId: 1, qty: -1 }, skip: 1, limit: 3 });
      assert.deepEqual(
        page.map((sale) => sale._id),
        ['s5', 's2', 's1'],
      );
    });

    it('returns only projected fields', async () => {
      const docs = await collection.find(
        { zoneId: 'vip' },
        { sort: { qty: 1 }, projection: { qty: 1, _id: 0 } },
      );
      assert.deepEqual(docs, [{ qty: 1 }, { qty: 2 }]);
    });

    it('counts matching documents', async () => {
      assert.equal(await collection.count(), 5);
      assert.equal(await collection.count({ zoneId: 'floor', qty: { $gt: 4 } }), 1);
      assert.equal(await collection.count({ zoneId: 'none' }), 0);
    });

    it('returns copies: changing a returned document changes nothing stored', async () => {
      const [first] = await collection.find({ _id: 's1' });
      first!.qty = 999;
      assert.equal((await collection.find({ _id: 's1' }))[0]?.qty, 2);
    });
  });

  describe('aggregate', () => {
    it('matches, groups with sums, sorts, limits and projects', async () => {
      const totals = await collection.aggregate([
        { $match: { qty: { $gte: 2 } } },
        { $group: { _id: '$zoneId', seats: { $sum: '$qty' }, sales: { $sum: 1 } } },
        { $sort: { seats: -1 } },
        { $limit: 2 },
        { $project: { _id: 0, zoneId: '$_id', seats: 1, sales: 1 } },
      ]);
      assert.deepEqual(totals, [
        { zoneId: 'floor', seats: 10, sales: 2 },
        { zoneId: 'balcony', seats: 3, sales: 1 },
      ]);
    });

    it('totals everything under one null group', async () => {
      const [total] = await collection.aggregate([{ $group: { _id: null, seats: { $sum: '$qty' } } }]);
      assert.deepEqual(total, { _id: null, seats: 16 });
    });
  });
}
