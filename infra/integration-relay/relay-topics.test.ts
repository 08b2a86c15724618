import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { topicOfStream, topicsFor } from './relay-topics';

describe('relay topics', () => {
  it('maps bookings, payments and the catalog to their topics and keeps other categories inside', () => {
    assert.equal(topicOfStream('booking-7f3'), 'booking-rush.bookings');
    assert.equal(topicOfStream('payment-1', 'p.'), 'p.payments');
    assert.equal(topicOfStream('event-9'), 'booking-rush.catalog');
    assert.equal(topicOfStream('zone-9'), undefined);
    assert.equal(topicOfStream('bookingSaga-9'), undefined);
    assert.equal(topicOfStream('toString-1'), undefined);
  });

  it('lists the topics with default partitions, overridable per topic', () => {
    assert.deepEqual(topicsFor('x.', { catalog: 1 }), [
      { name: 'x.bookings', partitions: 6 },
      { name: 'x.payments', partitions: 6 },
      { name: 'x.catalog', partitions: 1 },
    ]);
  });
});
