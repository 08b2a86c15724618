import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { before, describe, it } from 'node:test';
import { event, uniqueCategory, type EventStoreFixture } from './contract-support';
import { DuplicateEventError, InvalidEventError, InvalidStreamNameError } from './errors';
import type { EventStore, NewEvent } from './event-store';

/** Retried appends, duplicate ids, large events and invalid input. */
export function describeIdempotencyContract(storeOf: () => EventStore, fixture: EventStoreFixture): void {
  let store: EventStore;
  before(() => {
    store = storeOf();
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
      await assert.rejects(store.append(stream, [{ ...event('A'), id }, event('New')]), DuplicateEventError);
      assert.equal((await store.readStream(stream)).length, 1);
    });

    it(
      'rejects an event id that is already stored in another stream',
      {
        skip: fixture.eventIdsUniqueAcrossStreams === false && 'this store indexes event ids per stream only',
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
}
