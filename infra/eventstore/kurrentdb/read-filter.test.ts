import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildReadFilter, escapeRegex } from './read-filter';

const event = (streamId: string, type: string) => ({ streamId, type });

describe('readAll filters for KurrentDB', () => {
  it('sends categories to the server as stream-name prefixes and checks types here', () => {
    const filter = buildReadFilter(['booking', 'zone'], ['Reserved'])!;
    assert.equal(filter.server.filterOn, 'streamName');
    assert.deepEqual('prefixes' in filter.server && filter.server.prefixes, ['booking-', 'zone-']);
    assert.equal(filter.keep(event('booking-1', 'Reserved')), true);
    assert.equal(filter.keep(event('booking-1', 'Confirmed')), false);
    assert.equal(filter.keep(event('bookingSaga-1', 'Reserved')), false);
  });

  it('sends types alone to the server as an exact-match regex', () => {
    const filter = buildReadFilter(undefined, ['Booking.Reserved', 'Zone-Opened'])!;
    assert.equal(filter.server.filterOn, 'eventType');
    assert.ok('regex' in filter.server);
    const regex = new RegExp(filter.server.regex);
    assert.equal(regex.test('Booking.Reserved'), true);
    assert.equal(regex.test('BookingXReserved'), false);
    assert.equal(regex.test('Booking.ReservedLater'), false);
    assert.equal(regex.test('Zone-Opened'), true);
    assert.equal(filter.keep(event('booking-1', 'Booking.Reserved')), true);
  });

  it('skips system streams and system event types in every case', () => {
    for (const filter of [buildReadFilter(undefined, undefined)!, buildReadFilter(['booking'], undefined)!]) {
      assert.equal(filter.keep(event('booking-1', 'Reserved')), true);
      assert.equal(filter.keep(event('$ce-booking', '$>')), false);
      assert.equal(filter.keep(event('booking-1', '$metadata')), false);
      assert.equal(filter.keep(event('$stats-127.0.0.1:2113', 'StatsCollected')), false);
    }
    const unfiltered = buildReadFilter(undefined, undefined)!.server;
    assert.ok('regex' in unfiltered && new RegExp(unfiltered.regex).test('$settings') === false);
  });

  it('reports an empty category or type list as nothing to read', () => {
    assert.equal(buildReadFilter([], undefined), undefined);
    assert.equal(buildReadFilter(['booking'], []), undefined);
  });

  it('escapes regex syntax in type names', () => {
    assert.equal(escapeRegex('a.b-c$(d)'), 'a\\.b\\-c\\$\\(d\\)');
  });
});
