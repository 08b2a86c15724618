import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { describe, test } from 'node:test';
import { InMemoryDocumentStore } from '../../infra/document-store/in-memory';
import { MongoDocumentStore } from '../../infra/document-store/mongo';
import { liveCollection, type DocumentStore } from '../../infra/ports/document-store';
import type { Checkpoint } from '../../infra/ports/event-store';
import { databaseDrivers } from '../../infra/testing';
import { eventually, fastOptions, Harness } from '../testing';
import type { DocumentProjection } from './document-projection';
import { DocumentProjectionRunner, type DocumentRunnerOptions } from './document-runner';

type StreamCount = { _id: string; streamId: string; events: number; lastIndex: number; tag: string };

/**
 * Counts events per stream with one guarded upsert per stream and batch. `failOnce` throws after the
 * first write of a batch the first time it sees a batch (a crash between two writes).
 */
function countingProjection(options: { version?: number; tag?: string; failures?: number } = {}) {
  let failures = options.failures ?? 0;
  const batches: number[][] = [];
  const projection: DocumentProjection = {
    name: 'counter',
    version: options.version ?? 1,
    collections: ['test_counts'],
    async setup(collections) {
      await collections.get('test_counts').ensureIndexes([{ fields: { streamId: 1 }, unique: true }]);
    },
    async apply(events, collections) {
      batches.push(events.map((event) => event.sequence));
      const perStream = new Map<string, { count: number; last: number; sequence: number }>();
      for (const event of events) {
        const entry = perStream.get(event.streamId) ?? { count: 0, last: 0, sequence: 0 };
        entry.count += 1;
        entry.last = (event.data as { index: number }).index;
        entry.sequence = event.sequence;
        perStream.set(event.streamId, entry);
      }
      let written = 0;
      for (const [streamId, entry] of perStream) {
        if (written === 1 && failures > 0) {
          failures -= 1;
          throw new Error('crashed between two writes');
        }
        await collections.get<StreamCount>('test_counts').upsertWithGuard(
          { streamId },
          {
            position: entry.sequence,
            inc: { events: entry.count },
            set: { lastIndex: entry.last, tag: options.tag ?? 'v1' },
          },
        );
        written += 1;
      }
    },
  };
  return { projection, batches };
}

type DocumentSide = {
  name: string;
  open(): Promise<DocumentStore>;
  close(store: DocumentStore): Promise<void>;
};

const inMemory: DocumentSide = {
  name: 'in-memory',
  open: async () => new InMemoryDocumentStore(),
  close: async (store) => store.close(),
};

const ferret: DocumentSide = {
  name: 'FerretDB',
  async open() {
    const url = process.env.TEST_MONGO_URL;
    if (!url) throw new Error('TEST_MONGO_URL is not set: run `npm test` or source .services/env');
    return MongoDocumentStore.connect({ url, dbName: `runner_${randomBytes(5).toString('hex')}` });
  },
  async close(store) {
    await store.dropDatabase();
    await store.close();
  },
};

const [pglite, postgres] = databaseDrivers;
const setups = [
  { driver: pglite!, documents: inMemory },
  { driver: postgres!, documents: ferret },
];

async function counts(store: DocumentStore): Promise<Record<string, number>> {
  const collection = await liveCollection<StreamCount>(store, 'counter', 'test_counts');
  const docs = await collection.find({}, { sort: { streamId: 1 } });
  return Object.fromEntries(docs.map((doc) => [doc.streamId, doc.events]));
}

function expectedCounts(streams: number, perStream: number): Record<string, number> {
  return Object.fromEntries(Array.from({ length: streams }, (_, index) => [`booking-${index}`, perStream]));
}

for (const { driver, documents } of setups) {
  describe(`document projection runner on ${driver.name} + ${documents.name}`, () => {
    async function open() {
      const h = await Harness.open(driver);
      const store = await documents.open();
      const runners: DocumentProjectionRunner[] = [];
      const runner = (projection: DocumentProjection, options: DocumentRunnerOptions = {}) => {
        const made = new DocumentProjectionRunner(h.store, store, projection, {
          ...fastOptions,
          sql: h.sql,
          ...options,
        });
        runners.push(made);
        return made;
      };
      const close = async () => {
        for (const made of runners) await made.stop();
        await documents.close(store);
        await h.close();
      };
      return { h, store, runner, close };
    }

    test('catches up, then follows the log live; each event counted once', async () => {
      const { h, store, runner, close } = await open();
      try {
        const first = await h.appendMany('booking', 3, 7);
        const counter = runner(countingProjection().projection, { batchSize: 4 });
        await counter.start();
        await counter.waitFor(first.checkpoint);
        assert.deepEqual(await counts(store), expectedCounts(3, 7));
        const more = await h.appendMany('booking', 3, 2);
        await counter.waitFor(more.checkpoint);
        assert.deepEqual(await counts(store), expectedCounts(3, 9));
        const status = await counter.status();
        assert.equal(status.status, 'live');
        assert.equal(status.lag, 0);
        assert.equal(status.generation, 1);
      } finally {
        await close();
      }
    });

    test('a batch interrupted between two writes is applied again with exactly the same events', async () => {
      const { h, store, runner, close } = await open();
      try {
        const loaded = await h.appendMany('booking', 4, 6);
        const { projection, batches } = countingProjection({ failures: 2 });
        const counter = runner(projection, { batchSize: 10 });
        await counter.start();
        await counter.waitFor(loaded.checkpoint);
        assert.deepEqual(await counts(store), expectedCounts(4, 6));
        // The failed batch and its retries cover the same sequences.
        assert.deepEqual(batches[0], batches[1]);
        assert.deepEqual(batches[1], batches[2]);
      } finally {
        await close();
      }
    });

    test('after a crash mid-batch, a restarted runner with another batch size re-reads the batch in flight first', async () => {
      const { h, store, runner, close } = await open();
      try {
        const loaded = await h.appendMany('booking', 4, 6);
        const crashing = runner(countingProjection({ failures: 1_000 }).projection, { batchSize: 10 });
        await crashing.start();
        await eventually(
          async () => (await crashing.status()).status === 'failed',
          'the crashing runner failing',
        );
        await crashing.stop();
        assert.equal(Object.keys(await counts(store)).length, 1, 'one stream written before the crash');

        const { projection, batches } = countingProjection();
        const healthy = runner(projection, { batchSize: 3 });
        await healthy.start();
        await healthy.waitFor(loaded.checkpoint);
        assert.equal(batches[0]!.length, 10, 'the batch in flight comes first, whole');
        assert.deepEqual(await counts(store), expectedCounts(4, 6));
      } finally {
        await close();
      }
    });

    test('rebuilds into the next generation beside the live one, shows progress, then swaps and drops the old', async () => {
      const { h, store, runner, close } = await open();
      try {
        const loaded = await h.appendMany('booking', 5, 8);
        const counter = runner(countingProjection().projection, { batchSize: 5, dropDelayMs: 50 });
        await counter.start();
        await counter.waitFor(loaded.checkpoint);

        const rebuilt = counter.rebuild();
        const during = await counter.status();
        assert.equal(during.status, 'rebuilding');
        assert.ok(during.rebuild, 'progress is reported');
        assert.ok(during.rebuild.total >= loaded.position);
        const later = await h.appendMany('booking', 5, 1);
        await rebuilt;

        await counter.waitFor(later.checkpoint);
        const after = await counter.status();
        assert.equal(after.generation, 2);
        assert.equal(after.rebuild, undefined);
        assert.deepEqual(await counts(store), expectedCounts(5, 9));
        await eventually(
          async () => (await store.collection('test_counts_g1').count()) === 0,
          'generation 1 dropped',
        );
      } finally {
        await close();
      }
    });

    test('a new version rebuilds at start while the old generation is served as it stands', async () => {
      const { h, store, runner, close } = await open();
      try {
        const loaded = await h.appendMany('booking', 2, 4);
        const v1 = runner(countingProjection({ tag: 'v1' }).projection);
        await v1.start();
        await v1.waitFor(loaded.checkpoint);
        await v1.stop();

        const v2 = runner(countingProjection({ version: 2, tag: 'v2' }).projection);
        await v2.start();
        await v2.waitFor(loaded.checkpoint);
        const collection = await liveCollection<StreamCount>(store, 'counter', 'test_counts');
        assert.equal(collection.name, 'test_counts_g2');
        const docs = await collection.find({});
        assert.deepEqual(
          docs.map((doc) => [doc.tag, doc.events]),
          [
            ['v2', 4],
            ['v2', 4],
          ],
        );
      } finally {
        await close();
      }
    });

    test('exclusive runners: one applies, the other stands by and reports the stored position', async () => {
      const { h, runner, close } = await open();
      try {
        const loaded = await h.appendMany('booking', 2, 3);
        const first = runner(countingProjection().projection, { exclusive: true });
        const second = runner(countingProjection().projection, { exclusive: true });
        await first.start();
        await second.start();
        await first.waitFor(loaded.checkpoint);
        const standby = await second.status();
        assert.equal((await first.status()).status, 'live');
        if (driver.name === 'PostgreSQL') {
          assert.equal(standby.status, 'standby');
          await eventually(
            async () => (await second.status()).lag === 0,
            'standby reporting the stored position',
          );
        }
        await assert.rejects(second.waitFor('9'.repeat(40) as Checkpoint, 50));
      } finally {
        await close();
      }
    });
  });
}
