import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { InvalidEventError } from '../../ports/event-store';
import { encodeEvents } from './encode-events';

const id1 = '0d9f7a4e-8c55-4c1e-b0b5-5d0f3f6a1c01';
const id2 = '0d9f7a4e-8c55-4c1e-b0b5-5d0f3f6a1c02';

describe('encoding events for KurrentDB', () => {
  it('sends JSON with the given or a generated id as the event id and in the metadata', () => {
    const { eventIds, eventData } = encodeEvents(
      [
        { id: id1, type: 'BookingReserved', data: { seats: 2 }, metadata: { correlationId: 'c-1' } },
        { type: 'BookingConfirmed', data: {} },
      ],
      () => id2,
    );
    assert.deepEqual(eventIds, [id1, id2]);
    assert.deepEqual(
      eventData.map((event) => [event.id, event.contentType, event.type, event.data, event.metadata]),
      [
        [id1, 'application/json', 'BookingReserved', { seats: 2 }, { correlationId: 'c-1', eventId: id1 }],
        [id2, 'application/json', 'BookingConfirmed', {}, { eventId: id2 }],
      ],
    );
  });

  it('overrides an eventId in the metadata with the event id', () => {
    const { eventData } = encodeEvents(
      [{ id: id1, type: 'A', data: {}, metadata: { eventId: 'other' } }],
      () => id2,
    );
    assert.deepEqual(eventData[0]!.metadata, { eventId: id1 });
  });

  it('rejects ids that are not uuids, and one id twice in an append', () => {
    assert.throws(
      () => encodeEvents([{ id: 'not-a-uuid', type: 'A', data: {} }], () => id2),
      InvalidEventError,
    );
    assert.throws(
      () =>
        encodeEvents(
          [
            { id: id1, type: 'A', data: {} },
            { id: id1.toUpperCase(), type: 'B', data: {} },
          ],
          () => id2,
        ),
      InvalidEventError,
    );
  });

  it('rejects data that JSON cannot carry and the NUL character, like every adapter of the port', () => {
    const circular: Record<string, unknown> = {};
    circular.self = circular;
    for (const data of [circular, { big: 1n }, { text: 'nul\u0000' }]) {
      assert.throws(() => encodeEvents([{ type: 'A', data }], () => id1), InvalidEventError);
    }
    assert.throws(
      () => encodeEvents([{ type: 'A', data: {}, metadata: { note: '\u0000' } }], () => id1),
      InvalidEventError,
    );
  });

  it('accepts an escaped backslash followed by u0000, which is not a NUL', () => {
    assert.doesNotThrow(() => encodeEvents([{ type: 'A', data: { path: 'C:\\u0000' } }], () => id1));
  });
});
