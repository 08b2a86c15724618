import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { deadLetterHeaders, parseDeadLetter, toDeadLetterMessage } from './dead-letters';
import type { DeliveredMessage } from './integration-bus';

describe('dead letters', () => {
  it('round-trip: the parked message reads back as the original with why and where it failed', () => {
    const original: DeliveredMessage = {
      topic: 'booking-rush.bookings',
      partition: 2,
      offset: '41',
      key: 'booking-1',
      value: { eventId: 'e1' },
      headers: { 'event-id': 'e1' },
    };
    const failedAt = new Date('2026-01-02T03:04:05.000Z');
    const parked = toDeadLetterMessage(original, { groupId: 'mailer', error: 'smtp down', failedAt });
    assert.equal(parked.topic, 'booking-rush.bookings.dead-letter');
    assert.equal(parked.headers[deadLetterHeaders.error], 'smtp down');

    const letter = parseDeadLetter({ ...parked, partition: 1, offset: '7' });
    assert.deepEqual(letter, {
      deadLetterTopic: 'booking-rush.bookings.dead-letter',
      partition: 1,
      offset: '7',
      originalTopic: 'booking-rush.bookings',
      groupId: 'mailer',
      error: 'smtp down',
      failedAt: '2026-01-02T03:04:05.000Z',
      message: {
        topic: 'booking-rush.bookings',
        key: 'booking-1',
        value: { eventId: 'e1' },
        headers: { 'event-id': 'e1' },
      },
    });
  });
});
