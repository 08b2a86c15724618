import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { RecordedEvent as ClientRecordedEvent } from '@kurrent/kurrentdb-client';
import { collectEvents, knownPosition, toRecordedEvent } from './recorded-event';

const id = '6f1c1a53-4a53-4c4e-9d1c-2d6b8f0f3e21';
const created = new Date('2026-01-02T03:04:05Z');
const clientEvent = (overrides: Partial<ClientRecordedEvent> = {}) =>
  ({
    streamId: 'booking-7',
    id,
    isJson: true,
    revision: 3n,
    type: 'BookingReserved',
    created,
    data: { seats: 2 },
    metadata: { eventId: id, correlationId: 'c-1' },
    position: { commit: 4096n, prepare: 4096n },
    ...overrides,
  }) as ClientRecordedEvent;

async function* reading(...events: ClientRecordedEvent[]) {
  yield* events.map((event) => ({ event }));
}

describe('events read from KurrentDB', () => {
  it('become the port events with revision, commit position and checkpoint', async () => {
    const [event] = await collectEvents(reading(clientEvent()));
    assert.deepEqual(toRecordedEvent(event!), {
      id,
      streamId: 'booking-7',
      type: 'BookingReserved',
      data: { seats: 2 },
      metadata: { eventId: id, correlationId: 'c-1' },
      revision: 3,
      position: 4096,
      checkpoint: '00000000000000004096:00000000000000004096',
      createdAt: created,
    });
  });

  it('always carry an eventId in their metadata, even when written by another client', async () => {
    for (const metadata of [undefined, new Uint8Array([1, 2]), ['list'], { userId: 'u1' }]) {
      const [event] = await collectEvents(reading(clientEvent({ metadata } as Partial<ClientRecordedEvent>)));
      assert.equal(toRecordedEvent(event!).metadata.eventId, id);
    }
  });

  it('are refused when the server reports no position, which old servers do on stream reads', async () => {
    for (const position of [undefined, { commit: 2n ** 64n - 1n, prepare: 2n ** 64n - 1n }]) {
      await assert.rejects(collectEvents(reading(clientEvent({ position }))), /22\.10 or later/);
    }
    assert.equal(knownPosition({ commit: 2n ** 64n - 1n, prepare: 0n }), undefined);
    assert.deepEqual(knownPosition({ commit: 5n, prepare: 5n }), { commit: 5n, prepare: 5n });
  });
});
