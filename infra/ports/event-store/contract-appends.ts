import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { event, uniqueCategory } from './contract-support';
import { WrongExpectedVersionError } from './errors';
import type { EventStore } from './event-store';

/** Expected stream states and concurrent appenders. */
export function describeAppendContract(storeOf: () => EventStore): void {
  let store: EventStore;
  before(() => {
    store = storeOf();
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
}
