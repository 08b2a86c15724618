import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { concurrently, uniqueCollection } from './contract-support';
import { positionField, type DocumentStore } from './document-store';

type Counter = { eventId: string; zoneId: string; minute: Date; sold: number; lastType?: string };

/** The position guard per document that makes Mongo projections idempotent. */
export function describeGuardContract(storeOf: () => DocumentStore): void {
  let store: DocumentStore;
  before(() => {
    store = storeOf();
  });
  const minute = new Date('2026-03-01T10:01:00Z');
  const key = { eventId: 'e1', zoneId: 'z1', minute };

  describe('upsertWithGuard', () => {
    it('applies positions 5, 3, 5, 7 only at 5 and 7', async () => {
      const counters = store.collection<Counter>(uniqueCollection('counters'));
      const applied = [];
      for (const [position, sold] of [
        [5, 1],
        [3, 10],
        [5, 100],
        [7, 1000],
      ] as const) {
        const result = await counters.upsertWithGuard(key, {
          position,
          inc: { sold },
          set: { lastType: `p${position}` },
        });
        applied.push(result.applied);
      }
      assert.deepEqual(applied, [true, false, false, true]);
      const docs = await counters.find(key);
      assert.equal(docs.length, 1);
      assert.equal(docs[0]?.sold, 1001);
      assert.equal(docs[0]?.lastType, 'p7');
      assert.equal(docs[0]?.[positionField as keyof Counter], 7);
      assert.ok(docs[0]?.minute instanceof Date, 'key fields are stored on the created document');
    });

    it('writes setOnInsert fields only when it creates the document', async () => {
      const daily = store.collection(uniqueCollection('daily'));
      const first = new Date('2026-03-01T00:00:00Z');
      const dayKey = { eventId: 'e1', day: '2026-03-01' };
      await daily.upsertWithGuard(dayKey, {
        position: 1,
        inc: { bookings: 1 },
        setOnInsert: { createdAt: first },
      });
      await daily.upsertWithGuard(dayKey, {
        position: 2,
        inc: { bookings: 1 },
        setOnInsert: { createdAt: new Date('2030-01-01T00:00:00Z') },
      });
      const [doc] = await daily.find(dayKey);
      assert.equal(doc?.bookings, 2);
      assert.ok(doc?.createdAt instanceof Date);
      assert.equal(doc.createdAt.getTime(), first.getTime());
    });

    it('applies 20 concurrent deliveries of one position to a missing document exactly once', async () => {
      const counters = store.collection<Counter>(uniqueCollection('counters'));
      const results = await concurrently(20, () =>
        counters.upsertWithGuard(key, { position: 42, inc: { sold: 1 } }),
      );
      assert.equal(results.filter((result) => result.applied).length, 1);
      const docs = await counters.find({ eventId: 'e1' });
      assert.equal(docs.length, 1);
      assert.equal(docs[0]?.sold, 1);
    });

    it('keeps the highest position and counts only what applied when positions race', async () => {
      const counters = store.collection<Counter>(uniqueCollection('counters'));
      const positions = Array.from({ length: 20 }, (_, i) => ((i * 7) % 20) + 1);
      const results = await concurrently(20, (i) =>
        counters.upsertWithGuard(key, { position: positions[i]!, inc: { sold: 1 } }),
      );
      const [doc] = await counters.find(key);
      assert.equal(doc?.[positionField as keyof Counter], 20);
      assert.equal(doc?.sold, results.filter((result) => result.applied).length);
    });

    it('keeps documents of different keys apart', async () => {
      const counters = store.collection<Counter>(uniqueCollection('counters'));
      await counters.upsertWithGuard(key, { position: 9, inc: { sold: 2 } });
      const other = await counters.upsertWithGuard(
        { ...key, zoneId: 'z2' },
        { position: 9, inc: { sold: 3 } },
      );
      assert.equal(other.applied, true, 'a position applied to one document does not block another');
      const docs = await counters.find({ eventId: 'e1' }, { sort: { zoneId: 1 } });
      assert.deepEqual(
        docs.map((doc) => [doc.zoneId, doc.sold]),
        [
          ['z1', 2],
          ['z2', 3],
        ],
      );
    });

    it('refuses keys with operators and updates that write the guard field', async () => {
      const counters = store.collection(uniqueCollection('counters'));
      await assert.rejects(counters.upsertWithGuard({ sold: { $gt: 1 } }, { position: 1 }), TypeError);
      await assert.rejects(
        counters.upsertWithGuard(key, { position: 1, set: { [positionField]: 9 } }),
        TypeError,
      );
      assert.equal(await counters.count(), 0);
    });
  });
}
