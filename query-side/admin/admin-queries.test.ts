import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { validateQuery } from '../../infra/http-edge';
import { EventFeedQuery, StreamEventsQuery, isFeedCursor, splitList } from './admin-queries';

const rejects = async (dto: new () => object, query: Record<string, unknown>) =>
  assert.rejects(validateQuery(dto, query), { code: 'VALIDATION_ERROR' }, JSON.stringify(query));

describe('admin query parameters', () => {
  it('takes categories and types repeated, comma-separated or both', async () => {
    const query = await validateQuery(EventFeedQuery, {
      category: ['booking', 'zone,payment'],
      type: 'BookingReserved, BookingConfirmed',
    });
    assert.deepEqual(query.category, ['booking', 'zone', 'payment']);
    assert.deepEqual(query.type, ['BookingReserved', 'BookingConfirmed']);
    assert.deepEqual(splitList({ nested: 'x' }), { nested: 'x' }, 'left for the validators to refuse');
  });

  it('converts numbers and applies the limit bounds', async () => {
    const feed = await validateQuery(EventFeedQuery, { limit: '1000' });
    assert.equal(feed.limit, 1000);
    const stream = await validateQuery(StreamEventsQuery, { fromVersion: '0', limit: '1' });
    assert.deepEqual({ ...stream }, { fromVersion: 0, limit: 1 });
    for (const limit of ['0', '1001', '2.5', 'many']) await rejects(EventFeedQuery, { limit });
    for (const fromVersion of ['-1', '1.5', 'x']) await rejects(StreamEventsQuery, { fromVersion });
    await rejects(StreamEventsQuery, { version: '1' });
  });

  it('accepts only checkpoints as after: empty for the start, two numbers within 64 bits', async () => {
    for (const good of ['', '00000000000000000752:00000000000000000042', '1:2', '9223372036854775807:0']) {
      assert.equal(isFeedCursor(good), true, good);
      assert.equal((await validateQuery(EventFeedQuery, { after: good })).after, good);
    }
    for (const bad of ['abc', '1', '1:', ':1', '1:2:3', ' 1:2', '9223372036854775808:0', '1:-2', 'ä']) {
      assert.equal(isFeedCursor(bad), false, bad);
      await rejects(EventFeedQuery, { after: bad });
    }
    await rejects(EventFeedQuery, { after: ['1:2', '3:4'] });
  });

  it('refuses empty, malformed and unknown filters', async () => {
    for (const category of ['', 'Booking', 'booking-1', 'a,,b', ['ok', 'no way']]) {
      await rejects(EventFeedQuery, { category });
    }
    for (const type of ['', '1Reserved', "x' OR 1=1"]) await rejects(EventFeedQuery, { type });
    await rejects(EventFeedQuery, { category: Array.from({ length: 51 }, () => 'booking').join(',') });
    await rejects(EventFeedQuery, { stream: 'booking-1' });
  });
});
