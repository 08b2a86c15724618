import assert from 'node:assert/strict';
import { randomBytes, randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import {
  DuplicateEventError,
  InvalidEventError,
  InvalidStreamNameError,
  WrongExpectedVersionError,
} from './errors';
import { startOfLog, type EventStore, type NewEvent, type RecordedEvent } from './event-store';

/** An append held open in its transaction: written, not yet committed. */
export type HeldAppend = { commit(): Promise<void> };

export type EventStoreFixture = {
  /** A connected store. Tests use unique categories, so a shared server works. */
  open(): Promise<EventStore>;
  close(store: EventStore): Promise<void>;
  /** Adapters whose readers could see commits out of order provide this to prove they never skip. */
  holdOpenAppend?: (store: EventStore, streamId: string, events: NewEvent[]) => Promise<HeldAppend>;
  /** False for stores that index event ids per stream only (KurrentDB): a reuse elsewhere is not caught. */
  eventIdsUniqueAcrossStreams?: boolean;
  /** True for stores that wake a category watcher only for its categories (checked, not just allowed). */
  filtersWakeUps?: boolean;
};

const uniqueCategory = () => `c${randomBytes(5).toString('hex')}`;
const event = (type: string, data: Record<string, unknown> = {}): NewEvent => ({ type, data });

async function readCategory(store: EventStore, category: string): Promise<RecordedEvent[]> {
  const all: RecordedEvent[] = [];
  let checkpoint = startOfLog;
  for (;;) {
    const page = await store.readAll({ after: checkpoint, categories: [category], limit: 100 });
    all.push(...page.events);
    checkpoint = page.checkpoint;
    if (page.endOfLog) return all;
  }
}

/** The EventStore port's contract: every adapter runs this same suite. */
export function describeEventStoreContract(adapterName: string, fixture: EventStoreFixture): void {
  describe(`EventStore contract: ${adapterName}`, () => {
    let store: EventStore;
    before(async () => {
      store = await fixture.open();
    });
    after(async () => {
      await fixture.close(store);
    });

    describe('expected stream state', () => {
      it('appends to a new stream with no_stream and rejects a second no_stream append', async () => {
        const stream = `${uniqueCategory()}-1`;
        const first = await store.append(stream, [event('Opened'), event('Renamed')], 'no_stream');
        assert.equal(first.nextExpectedRevision, 1);
        await assert.rejects(store.append(stream, [event('Opened')], 'no_stream'), (error: unknown) => {
          assert.ok(error instanceof WrongExpectedVersionError);
          assert.equal(error.code, 'CONCURRENCY_CONFLICT');
          assert.equal(error.actual, 1);
          return true;
        });
      });

      it('appends at the exact revision and rejects a stale one with the actual revision', async () => {
        const stream = `${uniqueCategory()}-1`;
        await store.append(stream, [event('A')], 'no_stream');
        const second = await store.append(stream, [event('B')], 0);
        assert.equal(second.nextExpectedRevision, 1);
        await assert.rejects(store.append(stream, [event('C')], 0), (error: unknown) => {
          assert.ok(error instanceof WrongExpectedVersionError);
          assert.equal(error.actual, 1);
          return true;
        });
        assert.equal((await store.readStream(stream)).length, 2);
      });

      it('rejects an exact revision or stream_exists on a stream that does not exist (actual -1)', async () => {
        const category = uniqueCategory();
        for (const expected of [0, 'stream_exists'] as const) {
          await assert.rejects(
            store.append(`${category}-missing`, [event('A')], expected),
            (error: unknown) => {
              assert.ok(error instanceof WrongExpectedVersionError);
              assert.equal(error.actual, -1);
              return true;
            },
          );
        }
        assert.equal(await store.streamExists(`${category}-missing`), false);
      });

      it('appends with stream_exists once the stream has events, and with any in every case', async () => {
        const stream = `${uniqueCategory()}-1`;
        assert.equal((await store.append(stream, [event('A')], 'any')).nextExpectedRevision, 0);
        assert.equal((await store.append(stream, [event('B')], 'stream_exists')).nextExpectedRevision, 1);
        assert.equal((await store.append(stream, [event('C')])).nextExpectedRevision, 2);
        assert.equal(await store.streamExists(stream), true);
      });
    });

    describe('concurrency', () => {
      it('lets exactly one of 50 concurrent appenders win the same expected revision', async () => {
        const stream = `${uniqueCategory()}-1`;
        await store.append(stream, [event('Created')], 'no_stream');
        const results = await Promise.allSettled(
          Array.from({ length: 50 }, (_, i) => store.append(stream, [event('Raced', { i })], 0)),
        );
        const won = results.filter((r) => r.status === 'fulfilled');
        const lost = results.filter((r) => r.status === 'rejected');
        assert.equal(won.length, 1);
        assert.equal(lost.length, 49);
        for (const r of lost) assert.ok(r.reason instanceof WrongExpectedVersionError);
        assert.equal((await store.readStream(stream)).length, 2);
      });

      it('gives every one of 50 retrying appenders exactly one revision each', async () => {
        const stream = `${uniqueCategory()}-1`;
        const appendWithRetry = async (writer: number) => {
          for (;;) {
            const last = (await store.readStream(stream, { direction: 'backwards', limit: 1 }))[0];
            try {
              return await store.append(
                stream,
                [event('Wrote', { writer })],
                last ? last.revision : 'no_stream',
              );
            } catch (error) {
              if (!(error instanceof WrongExpectedVersionError)) throw error;
            }
          }
        };
        await Promise.all(Array.from({ length: 50 }, (_, writer) => appendWithRetry(writer)));
        const events = await store.readStream(stream);
        assert.deepEqual(
          events.map((e) => e.revision),
          Array.from({ length: 50 }, (_, i) => i),
        );
        const writers = events.map((e) => (e.data as { writer: number }).writer).sort((a, b) => a - b);
        assert.deepEqual(
          writers,
          Array.from({ length: 50 }, (_, i) => i),
        );
      });

      it('serialises concurrent appends with expected any into distinct revisions', async () => {
        const stream = `${uniqueCategory()}-1`;
        const results = await Promise.all(
          Array.from({ length: 20 }, () => store.append(stream, [event('Any')])),
        );
        const revisions = results.map((r) => r.nextExpectedRevision).sort((a, b) => a - b);
        assert.deepEqual(
          revisions,
          Array.from({ length: 20 }, (_, i) => i),
        );
      });
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

      it('reports the head of the log and wakes watchers after an append', async () => {
        const stream = `${uniqueCategory()}-1`;
        let woken!: () => void;
        const wake = new Promise<void>((resolve) => (woken = resolve));
        const unwatch = store.watch(() => woken());
        try {
          const appended = await store.append(stream, [event('Watched')]);
          await wake;
          const head = await store.head();
          assert.ok(head.checkpoint >= appended.checkpoint);
          assert.ok(head.position >= appended.position);
        } finally {
          unwatch();
        }
      });

      it('wakes a watcher of some categories for appends to them', async () => {
        const mine = uniqueCategory();
        const others = uniqueCategory();
        let mineWoken = 0;
        let anyWoken = 0;
        let woken!: () => void;
        const wake = new Promise<void>((resolve) => (woken = resolve));
        const unwatchMine = store.watch(
          () => {
            mineWoken++;
            woken();
          },
          { categories: [mine] },
        );
        let othersSeen!: () => void;
        const sawOthers = new Promise<void>((resolve) => (othersSeen = resolve));
        const unwatchAny = store.watch(() => {
          anyWoken++;
          othersSeen();
        });
        try {
          await store.append(`${others}-1`, [event('NotMine')]);
          await sawOthers;
          const beforeMine = mineWoken;
          if (fixture.filtersWakeUps) assert.equal(beforeMine, 0, 'woken for another category');
          await store.append(`${mine}-1`, [event('Mine')]);
          await wake;
          assert.ok(mineWoken > beforeMine);
          assert.ok(anyWoken >= 1);
        } finally {
          unwatchMine();
          unwatchAny();
        }
      });

      it('waits for nothing when no append is in flight', async () => {
        await store.waitForAppendsInFlight(5_000);
      });

      it(
        'waits for an append in flight to become readable',
        {
          skip:
            !fixture.holdOpenAppend &&
            'this adapter cannot interleave transactions, or orders commits at write time',
        },
        async () => {
          const category = uniqueCategory();
          const held = await fixture.holdOpenAppend!(store, `${category}-slow`, [event('Slow')]);
          let settled = false;
          const waiting = store.waitForAppendsInFlight(10_000).then(() => (settled = true));
          try {
            // A window in which nothing may happen: the append is still open.
            await new Promise((resolve) => setTimeout(resolve, 150));
            assert.equal(settled, false);
          } finally {
            await held.commit();
          }
          await waiting;
          const readable = await readCategory(store, category);
          assert.deepEqual(
            readable.map((e) => e.type),
            ['Slow'],
          );
        },
      );

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

    describe('idempotency and limits', () => {
      it('treats a retried append of the same event ids as done, with the first answer', async () => {
        const stream = `${uniqueCategory()}-1`;
        const events = [
          { ...event('A'), id: randomUUID() },
          { ...event('B'), id: randomUUID() },
        ];
        const first = await store.append(stream, events, 'no_stream');
        const retry = await store.append(stream, events, 'no_stream');
        assert.deepEqual(retry, first);
        assert.equal((await store.readStream(stream)).length, 2);
      });

      it('rejects a retry whose event ids are only partly stored', async () => {
        const stream = `${uniqueCategory()}-1`;
        const id = randomUUID();
        await store.append(stream, [{ ...event('A'), id }]);
        await assert.rejects(
          store.append(stream, [{ ...event('A'), id }, event('New')]),
          DuplicateEventError,
        );
        assert.equal((await store.readStream(stream)).length, 1);
      });

      it(
        'rejects an event id that is already stored in another stream',
        {
          skip:
            fixture.eventIdsUniqueAcrossStreams === false && 'this store indexes event ids per stream only',
        },
        async () => {
          const category = uniqueCategory();
          const id = randomUUID();
          await store.append(`${category}-1`, [{ ...event('A'), id }]);
          await assert.rejects(store.append(`${category}-2`, [{ ...event('A'), id }]), DuplicateEventError);
          assert.equal(await store.streamExists(`${category}-2`), false);
        },
      );

      it('stores and returns a 1 MB event intact', async () => {
        const stream = `${uniqueCategory()}-1`;
        const blob = 'x'.repeat(1024 * 1024);
        await store.append(stream, [event('Large', { blob })]);
        const [stored] = await store.readStream(stream);
        assert.equal((stored!.data as { blob: string }).blob, blob);
      });

      it('rejects bad stream names and events with a clear validation error and stores nothing', async () => {
        const category = uniqueCategory();
        for (const bad of [
          '',
          'nodash',
          'Upper-1',
          `${category}-`,
          `${category}-has space`,
          `${category}-${'x'.repeat(300)}`,
        ]) {
          await assert.rejects(store.append(bad, [event('A')]), (error: unknown) => {
            assert.ok(
              error instanceof InvalidStreamNameError,
              `expected ${JSON.stringify(bad)} to be rejected`,
            );
            assert.equal(error.code, 'VALIDATION_ERROR');
            return true;
          });
        }
        const stream = `${category}-1`;
        for (const events of [
          [],
          [{ type: '', data: {} }],
          [{ type: 'A', data: 'text' }],
          [{ type: 'A', data: {}, id: 'not-a-uuid' }],
        ]) {
          await assert.rejects(store.append(stream, events as NewEvent[]), InvalidEventError);
        }
        await assert.rejects(store.append(stream, [event('A', { s: 'nul\u0000' })]), InvalidEventError);
        assert.equal(await store.streamExists(stream), false);
      });
    });
  });
}
