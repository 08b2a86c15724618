import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { concurrently, uniqueCollection } from './contract-support';
import type { DocumentStore } from './document-store';

type Notification = { bookingId: string; type: string; body: string };
const notificationIndex = [{ fields: { bookingId: 1, type: 1 } as const, unique: true }];

/** Indexes, inserts under a unique index, updates, deletes, drops and dates. */
export function describeWritesContract(storeOf: () => DocumentStore): void {
  let store: DocumentStore;
  before(() => {
    store = storeOf();
  });

  describe('indexes and inserts', () => {
    it('creates indexes idempotently', async () => {
      const notifications = store.collection(uniqueCollection('notifications'));
      const specs = [...notificationIndex, { fields: { createdAt: -1 } as const }];
      await notifications.ensureIndexes(specs);
      await notifications.ensureIndexes(specs);
      assert.deepEqual(await notifications.insertOne({ bookingId: 'b1', type: 'email', body: 'x' }), {
        ok: true,
      });
    });

    it('answers DUPLICATE for a second document with the same unique key and keeps the first', async () => {
      const notifications = store.collection<Notification>(uniqueCollection('notifications'));
      await notifications.ensureIndexes(notificationIndex);
      assert.deepEqual(await notifications.insertOne({ bookingId: 'b1', type: 'email', body: 'first' }), {
        ok: true,
      });
      assert.deepEqual(await notifications.insertOne({ bookingId: 'b1', type: 'email', body: 'second' }), {
        ok: false,
        reason: 'DUPLICATE',
      });
      assert.deepEqual(await notifications.insertOne({ bookingId: 'b1', type: 'sms', body: 'other type' }), {
        ok: true,
      });
      const stored = await notifications.find({ bookingId: 'b1', type: 'email' });
      assert.deepEqual(
        stored.map((doc) => doc.body),
        ['first'],
      );
    });

    it('lets exactly one of 20 concurrent inserts of one unique key through', async () => {
      const notifications = store.collection<Notification>(uniqueCollection('notifications'));
      await notifications.ensureIndexes(notificationIndex);
      const results = await concurrently(20, (i) =>
        notifications.insertOne({ bookingId: 'b1', type: 'email', body: `attempt ${i}` }),
      );
      assert.equal(results.filter((result) => result.ok).length, 1);
      assert.equal(results.filter((result) => !result.ok && result.reason === 'DUPLICATE').length, 19);
      assert.equal(await notifications.count({ bookingId: 'b1' }), 1);
    });

    it('does not change the caller’s document when inserting it', async () => {
      const audit = store.collection(uniqueCollection('audit'));
      const doc = { eventId: 'e1' };
      await audit.insertOne(doc);
      assert.deepEqual(doc, { eventId: 'e1' });
    });
  });

  describe('updates, deletes and drops', () => {
    it('updates one matching document with set and inc and reports the matched count', async () => {
      const audit = store.collection(uniqueCollection('audit'));
      await audit.insertOne({ eventId: 'e1', status: 'open', edits: 1 });
      await audit.insertOne({ eventId: 'e1', status: 'open', edits: 1 });
      assert.equal(
        await audit.updateOne({ eventId: 'e1' }, { set: { status: 'closed' }, inc: { edits: 2 } }),
        1,
      );
      assert.equal(await audit.updateOne({ eventId: 'missing' }, { set: { status: 'closed' } }), 0);
      const closed = await audit.find({ status: 'closed' }, { projection: { _id: 0 } });
      assert.deepEqual(closed, [{ eventId: 'e1', status: 'closed', edits: 3 }]);
    });

    it('loses no increment when 20 updates of one document run at once', async () => {
      const counters = store.collection(uniqueCollection('counters'));
      await counters.insertOne({ _id: 'c1', sold: 0 });
      const matched = await concurrently(20, () => counters.updateOne({ _id: 'c1' }, { inc: { sold: 1 } }));
      assert.deepEqual(new Set(matched), new Set([1]));
      assert.equal((await counters.find({ _id: 'c1' }))[0]?.sold, 20);
    });

    it('deletes every matching document and reports how many', async () => {
      const counters = store.collection(uniqueCollection('counters'));
      for (const n of [1, 2, 3, 4]) await counters.insertOne({ n });
      assert.equal(await counters.deleteMany({ n: { $lte: 2 } }), 2);
      assert.equal(await counters.deleteMany({ n: 99 }), 0);
      const left = await counters.find({}, { sort: { n: 1 }, projection: { _id: 0 } });
      assert.deepEqual(left, [{ n: 3 }, { n: 4 }]);
    });

    it('drops a collection with its documents and indexes, and a missing one quietly', async () => {
      const notifications = store.collection<Notification>(uniqueCollection('notifications'));
      await notifications.ensureIndexes(notificationIndex);
      const doc = { bookingId: 'b1', type: 'email', body: 'x' };
      await notifications.insertOne(doc);
      await notifications.drop();
      assert.equal(await notifications.count(), 0);
      await notifications.insertOne(doc);
      assert.deepEqual(
        await notifications.insertOne(doc),
        { ok: true },
        'the unique index went with the drop',
      );
      await store.collection(uniqueCollection('never_created')).drop();
    });

    it('returns stored dates as Date objects, top-level and nested, and compares them in queries', async () => {
      const audit = store.collection(uniqueCollection('audit'));
      const at = new Date('2026-03-01T10:00:00.123Z');
      await audit.insertOne({ eventId: 'e1', at, trail: { firstSeen: at, steps: [at] } });
      const [stored] = await audit.find({ at: { $gte: new Date('2026-03-01T00:00:00Z') } });
      assert.ok(stored?.at instanceof Date);
      assert.equal(stored.at.getTime(), at.getTime());
      const trail = stored.trail as { firstSeen: unknown; steps: unknown[] };
      assert.ok(trail.firstSeen instanceof Date && trail.steps[0] instanceof Date);
      assert.equal(await audit.count({ at: { $lt: at } }), 0);
    });
  });
}
