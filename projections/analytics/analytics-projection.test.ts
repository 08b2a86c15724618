import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, describe, test } from 'node:test';
import { InMemoryDocumentStore } from '../../infra/document-store/in-memory';
import { MongoDocumentStore } from '../../infra/document-store/mongo';
import { positionField, type Doc, type DocumentStore } from '../../infra/ports/document-store';
import { collectionsOf, type GenerationCollections } from '../documents';
import { applyInBatches, sequenced } from '../documents/testing';
import { analyticsCollections as names } from './schema';
import { createAnalyticsProjection } from './analytics-projection';
import { ids, reserved, saleHistory, testNow, expired } from './testing';

export type DocumentSide = { readonly name: string; open(): Promise<DocumentStore> };

/** The in-memory store on the tests' clock, and FerretDB with a database of the test's own. */
export const documentSides: readonly DocumentSide[] = [
  { name: 'in-memory', open: async () => new InMemoryDocumentStore({ now: () => testNow }) },
  {
    name: 'FerretDB',
    async open() {
      const url = process.env.TEST_MONGO_URL;
      if (!url) throw new Error('TEST_MONGO_URL is not set: source .services/env');
      return MongoDocumentStore.connect({ url, dbName: `analytics_${randomBytes(5).toString('hex')}` });
    },
  },
];

const projection = createAnalyticsProjection({ now: () => testNow });

/** Every collection's documents by `_id`; without the guard position unless asked. */
async function dump(
  collections: GenerationCollections,
  withPosition = false,
): Promise<Record<string, Doc[]>> {
  const all: Record<string, Doc[]> = {};
  for (const logical of Object.values(names)) {
    const docs = await collections.get(logical).find({}, { sort: { _id: 1 } });
    all[logical] = docs.map((doc) => {
      if (withPosition) return doc;
      const { [positionField]: _position, ...rest } = doc;
      return rest;
    });
  }
  return all;
}

/** The collections of a generation, except that `method` of `logical` throws on its second call. */
function crashOnce(
  collections: GenerationCollections,
  logical: string,
  method: 'upsertWithGuard' | 'insertMany',
): GenerationCollections {
  let calls = 0;
  return {
    generation: collections.generation,
    scope: collections.scope,
    get<T extends Doc = Doc>(name: string) {
      const collection = collections.get<T>(name);
      if (name !== logical) return collection;
      return new Proxy(collection, {
        get(target, property, receiver) {
          const value: unknown = Reflect.get(target, property, receiver);
          if (property !== method || typeof value !== 'function') return value;
          return (...args: unknown[]) => {
            calls += 1;
            if (calls === 2 || method === 'insertMany') return Promise.reject(new Error('crashed'));
            return (value as (...a: unknown[]) => unknown).apply(target, args);
          };
        },
      });
    },
  };
}

const byId = (docs: Doc[] | undefined, id: string) => docs?.find((doc) => doc._id === id);

for (const side of documentSides) {
  describe(`analytics projection on ${side.name}`, () => {
    const stores: DocumentStore[] = [];
    const open = async () => {
      const store = await side.open();
      stores.push(store);
      return store;
    };
    after(async () => {
      for (const store of stores) {
        await store.dropDatabase();
        await store.close();
      }
    });

    test('builds minute, day, event, zone and booking documents with the counters of the sale', async () => {
      const store = await open();
      const docs = await dump(await applyInBatches(projection, store, saleHistory(), { batchSize: 5 }));

      const frontMinute = docs[names.minutes]!.find(
        (doc) =>
          doc.zoneId === ids.front && (doc.minute as Date).toISOString() === '2030-03-01T10:00:00.000Z',
      );
      assert.deepEqual(frontMinute && { ...frontMinute, _id: undefined }, {
        _id: undefined,
        eventId: ids.rockNight,
        zoneId: ids.front,
        currency: 'THB',
        minute: new Date('2030-03-01T10:00:00.000Z'),
        reservations: 2,
        seatsReserved: 3,
        confirmations: 0,
        seatsSold: 0,
        expiries: 0,
        seatsExpired: 0,
        cancellations: 0,
        seatsCancelled: 0,
        refunds: 0,
        revenue: 0,
        refunded: 0,
      });
      assert.equal(docs[names.minutes]!.length, 12);
      assert.equal(docs[names.daily]!.length, 4);

      assert.deepEqual(byId(docs[names.events], ids.rockNight), {
        _id: ids.rockNight,
        organizerId: 'organizer-1',
        title: 'Rock Night II',
        status: 'published',
        startsAt: '2030-04-01T19:00:00.000Z',
        reservations: 5,
        seatsReserved: 10,
        confirmations: 1,
        seatsSold: 2,
        expiries: 2,
        seatsExpired: 2,
        cancellations: 1,
        seatsCancelled: 4,
        refunds: 0,
        revenue: { THB: 2000 },
      });
      const jazz = byId(docs[names.events], ids.jazzDay)!;
      assert.deepEqual(
        [jazz.revenue, jazz.refunded, jazz.organizerId],
        [{ USD: 2000 }, { USD: 1000 }, 'organizer-2'],
      );
      assert.deepEqual(byId(docs[names.zones], ids.lounge), {
        _id: ids.lounge,
        eventId: ids.jazzDay,
        showId: `show-${ids.jazzDay}`,
        name: `Zone ${ids.lounge}`,
        price: 2000,
        currency: 'USD',
        capacity: 100,
      });
      // Reservations are stored unconfirmed and each confirmation apart, whatever the batches were.
      assert.deepEqual(
        docs[names.bookings]!.map((doc) => [doc._id, doc.confirmedAt]),
        [
          ['b1', null],
          ['b1#confirmed', '2030-03-01T10:01:30.000Z'],
          ['b2', null],
          ['b3', null],
          ['b4', null],
          ['b4#confirmed', '2030-03-01T10:03:00.000Z'],
          ['b5', null],
          ['b6', null],
        ],
      );
    });

    test('gives identical documents whether it applies 1, 7 or 500 events per batch', async () => {
      const store = await open();
      const history = saleHistory();
      const [one, seven, all] = [
        await dump(await applyInBatches(projection, store, history, { batchSize: 1, generation: 1 })),
        await dump(await applyInBatches(projection, store, history, { batchSize: 7, generation: 2 })),
        await dump(await applyInBatches(projection, store, history, { batchSize: 500, generation: 3 })),
      ];
      assert.ok(one[names.minutes]!.length > 0);
      assert.deepEqual(seven, one);
      assert.deepEqual(all, one);
    });

    test('changes nothing when a batch is applied again', async () => {
      const store = await open();
      const history = saleHistory();
      const collections = await applyInBatches(projection, store, history, { batchSize: 7 });
      const before = await dump(collections, true);
      const batches = sequenced(history);
      await projection.apply(batches.slice(14, 21), collections);
      await projection.apply(batches.slice(7, 14), collections);
      assert.deepEqual(await dump(collections, true), before);
    });

    for (const [logical, method] of [
      [names.daily, 'upsertWithGuard'],
      [names.bookings, 'insertMany'],
    ] as const) {
      test(`gives the same documents when a batch crashes at ${logical}.${method} and is applied again`, async () => {
        const store = await open();
        const history = saleHistory();
        const clean = await dump(await applyInBatches(projection, store, history, { generation: 1 }));
        const batches = sequenced(history);
        const collections = collectionsOf(store, projection, 2);
        await projection.setup(collections);
        await projection.apply(batches.slice(0, 8), collections);
        const crashing = crashOnce(collections, logical, method);
        await assert.rejects(projection.apply(batches.slice(8), crashing), /crashed/);
        // The runner applies the interrupted batch again, with exactly the same events.
        await projection.apply(batches.slice(8), collections);
        assert.deepEqual(await dump(collections), clean);
      });
    }

    test('counts the events of the next batch on top, using the booking facts of earlier ones', async () => {
      const store = await open();
      const history = saleHistory();
      const collections = await applyInBatches(projection, store, history, { batchSize: 500 });
      const next = sequenced([expired('b6', '2030-03-02T00:10:30.000Z')], history.length + 1);
      await projection.apply(next, collections);
      await projection.apply(next, collections);
      const docs = await dump(collections);
      const day = docs[names.daily]!.find((doc) => doc.zoneId === ids.back && doc.day === '2030-03-02');
      assert.deepEqual([day?.reservations, day?.expiries, day?.seatsExpired], [1, 1, 2]);
      assert.equal(byId(docs[names.events], ids.rockNight)?.expiries, 3);
    });

    test('keeps per-minute counters only within the retention, and the daily ones for good', async () => {
      const store = await open();
      const old = reserved('b-old', ids.rockNight, ids.front, 1, 1000, 'THB', '2030-02-27T10:00:00.000Z');
      const recent = reserved('b-new', ids.rockNight, ids.front, 1, 1000, 'THB', '2030-03-01T10:00:00.000Z');
      const docs = await dump(await applyInBatches(projection, store, [old, recent]));
      assert.deepEqual(
        docs[names.minutes]!.map((doc) => (doc.minute as Date).toISOString()),
        ['2030-03-01T10:00:00.000Z'],
      );
      assert.deepEqual(
        docs[names.daily]!.map((doc) => doc.day),
        ['2030-02-27', '2030-03-01'],
      );
    });
  });
}
