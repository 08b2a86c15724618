import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { before, describe, it } from 'node:test';
import { event, readCategory, uniqueCategory, type EventStoreFixture } from './contract-support';
import type { EventStore, RecordedEvent } from './event-store';

/** Reading streams and the global log, filters, pages, and commits out of order. */
export function describeReadingContract(storeOf: () => EventStore, fixture: EventStoreFixture): void {
  let store: EventStore;
  before(() => {
    store = storeOf();
  });

  describe('reading', () => {
    it('reads a stream forwards and backwards, from a revision, with a limit', async () => {
      const stream = `${uniqueCategory()}-1`;
      await store.append(
        stream,
        ['A', 'B', 'C', 'D'].map((t) => event(t)),
        'no_stream',
      );
      const types = (events: RecordedEvent[]) => events.map((e) => e.type).join('');
      assert.equal(types(await store.readStream(stream)), 'ABCD');
      assert.equal(types(await store.readStream(stream, { direction: 'backwards' })), 'DCBA');
      assert.equal(types(await store.readStream(stream, { fromRevision: 1, limit: 2 })), 'BC');
      assert.equal(
        types(await store.readStream(stream, { direction: 'backwards', fromRevision: 2, limit: 2 })),
        'CB',
      );
      assert.deepEqual(await store.readStream(`${uniqueCategory()}-none`), []);
    });

    it('keeps type, data, metadata and the event id', async () => {
      const stream = `${uniqueCategory()}-1`;
      const id = randomUUID();
      const data = {
        text: "Robert'); DROP TABLE es_events;-- <b>ไทย</b>",
        nested: { n: 1.5, list: [1, null] },
      };
      await store.append(stream, [
        { id, type: 'Noted', data, metadata: { correlationId: 'corr-1', userId: 'u1' } },
      ]);
      const [stored] = await store.readStream(stream);
      assert.ok(stored);
      assert.equal(stored.id, id);
      assert.equal(stored.streamId, stream);
      assert.deepEqual(stored.data, data);
      assert.equal(stored.metadata.correlationId, 'corr-1');
      assert.equal(stored.metadata.eventId, id);
      assert.ok(stored.createdAt instanceof Date);
    });

    it('reads the global log after a checkpoint, filtered by category and by type', async () => {
      const [mine, other] = [uniqueCategory(), uniqueCategory()];
      await store.append(`${mine}-1`, [event('X'), event('Y')]);
      await store.append(`${other}-1`, [event('X')]);
      await store.append(`${mine}-2`, [event('Y')]);
      const events = await readCategory(store, mine);
      assert.deepEqual(
        events.map((e) => `${e.streamId.split('-')[1]}${e.type}`),
        ['1X', '1Y', '2Y'],
      );
      for (let i = 1; i < events.length; i++) assert.ok(events[i]!.checkpoint > events[i - 1]!.checkpoint);
      const afterFirst = await store.readAll({ after: events[0]!.checkpoint, categories: [mine] });
      assert.deepEqual(
        afterFirst.events.map((e) => e.id),
        events.slice(1).map((e) => e.id),
      );
      const onlyY = await store.readAll({ categories: [mine, other], types: ['Y'] });
      assert.equal(onlyY.events.length, 2);
      assert.ok(onlyY.events.every((e) => e.type === 'Y'));
    });

    it('pages through the log and reports the end', async () => {
      const category = uniqueCategory();
      for (let i = 0; i < 5; i++) await store.append(`${category}-${i}`, [event('E', { i })]);
      const first = await store.readAll({ categories: [category], limit: 3 });
      assert.equal(first.events.length, 3);
      assert.equal(first.endOfLog, false);
      const second = await store.readAll({ after: first.checkpoint, categories: [category], limit: 3 });
      assert.deepEqual(
        second.events.map((e) => (e.data as { i: number }).i),
        [3, 4],
      );
      assert.equal(second.endOfLog, true);
      const third = await store.readAll({ after: second.checkpoint, categories: [category], limit: 3 });
      assert.deepEqual(third.events, []);
      assert.ok(third.checkpoint >= second.checkpoint);
    });

    it(
      'never skips an event that commits after a later one',
      {
        skip:
          !fixture.holdOpenAppend &&
          'this adapter cannot interleave transactions, or orders commits at write time',
      },
      async () => {
        const category = uniqueCategory();
        const held = await fixture.holdOpenAppend!(store, `${category}-slow`, [event('Slow')]);
        let during;
        try {
          // The later append commits first; a reader must not move past the earlier, still open one.
          await store.append(`${category}-fast`, [event('Fast')]);
          during = await store.readAll({ categories: [category] });
        } finally {
          await held.commit();
        }
        assert.deepEqual(during.events, []);
        const afterCommit = await readCategory(store, category);
        assert.deepEqual(afterCommit.map((e) => e.type).sort(), ['Fast', 'Slow']);
        const resumed = await store.readAll({ after: during.checkpoint, categories: [category] });
        assert.deepEqual(resumed.events.map((e) => e.type).sort(), ['Fast', 'Slow']);
      },
    );
  });
}
