import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { sequenced } from '../documents/testing';
import { bookingsToLookUp, foldAnalytics, type AnalyticsChanges } from './analytics-batch';
import type { BookingFacts } from './schema';
import { confirmed, ids, refunded, reserved, saleHistory } from './testing';

const minuteOf = (changes: AnalyticsChanges, zoneId: string, minute: string) =>
  changes.minutes.find((c) => c.key.zoneId === zoneId && c.key.minute.toISOString() === minute);

const nonZero = (inc: Record<string, number>) =>
  Object.fromEntries(Object.entries(inc).filter(([, n]) => n !== 0));

describe('analytics folding', () => {
  const changes = foldAnalytics(sequenced(saleHistory()), []);

  test('counts reservations of one zone in the minute of their domain time, not of their recording', () => {
    const first = minuteOf(changes, ids.front, '2030-03-01T10:00:00.000Z');
    assert.deepEqual(first?.key.currency, 'THB');
    assert.deepEqual(nonZero(first!.inc), { reservations: 2, seatsReserved: 3 });
    assert.equal(first!.position, 8, 'the highest sequence folded into it (b2 reserved)');
  });

  test('counts a confirmation with its seats and revenue where it happened', () => {
    const minute = minuteOf(changes, ids.front, '2030-03-01T10:01:00.000Z');
    assert.deepEqual(nonZero(minute!.inc), { confirmations: 1, seatsSold: 2, revenue: 2000 });
  });

  test('counts the refund of a confirmed booking, but not the refund of a late payment', () => {
    const refund = changes.minutes.find((c) => c.key.zoneId === ids.lounge && c.inc.refunds === 1);
    assert.equal(refund?.key.minute.toISOString(), '2030-03-01T10:31:00.000Z');
    assert.deepEqual(nonZero(refund!.inc), { refunds: 1, refunded: 1000 });
    assert.equal(refund!.key.currency, 'USD');
    const lateRefund = minuteOf(changes, ids.front, '2030-03-01T10:16:00.000Z');
    assert.equal(lateRefund, undefined);
  });

  test('sums each day per zone and currency', () => {
    const day = changes.days.find((c) => c.key.zoneId === ids.front && c.key.day === '2030-03-01');
    assert.deepEqual(nonZero(day!.inc), {
      reservations: 3,
      seatsReserved: 4,
      confirmations: 1,
      seatsSold: 2,
      revenue: 2000,
      expiries: 2,
      seatsExpired: 2,
    });
    const nextDay = changes.days.find((c) => c.key.zoneId === ids.back && c.key.day === '2030-03-02');
    assert.deepEqual(nonZero(nextDay!.inc), { reservations: 1, seatsReserved: 2 });
  });

  test('keeps per-event totals with money per currency, and the latest title, owner and status', () => {
    const rock = changes.events.find((c) => c.key._id === ids.rockNight)!;
    assert.deepEqual(rock.set, {
      organizerId: 'organizer-1',
      title: 'Rock Night II',
      status: 'published',
      startsAt: '2030-04-01T19:00:00.000Z',
    });
    assert.deepEqual(nonZero(rock.inc), {
      reservations: 5,
      seatsReserved: 10,
      confirmations: 1,
      seatsSold: 2,
      'revenue.THB': 2000,
      expiries: 2,
      seatsExpired: 2,
      cancellations: 1,
      seatsCancelled: 4,
    });
    const jazz = changes.events.find((c) => c.key._id === ids.jazzDay)!;
    assert.equal(jazz.inc['revenue.USD'], 2000);
    assert.equal(jazz.inc['refunded.USD'], 1000);
  });

  test('ignores events of a booking it never saw reserved', () => {
    const at1020 = changes.minutes.filter((c) => c.key.minute.toISOString() === '2030-03-01T10:20:00.000Z');
    assert.deepEqual(at1020, []);
  });

  test('records zone facts and the bookings reserved in the batch as they stand at its end', () => {
    const back = changes.zones.find((c) => c.key._id === ids.back)!;
    assert.deepEqual(back.set, {
      eventId: ids.rockNight,
      showId: `show-${ids.rockNight}`,
      price: 500,
      currency: 'THB',
      capacity: 100,
      name: `Zone ${ids.back}`,
    });
    const b1 = changes.reservedBookings.find((b) => b._id === 'b1');
    assert.equal(b1?.confirmedAt, '2030-03-01T10:01:30.000Z');
    assert.deepEqual(changes.confirmedBookings, []);
  });

  test('uses the facts of a booking reserved in an earlier batch, and reports its confirmation', () => {
    const facts: BookingFacts = {
      _id: 'b7',
      eventId: ids.rockNight,
      showId: 'show',
      zoneId: ids.back,
      quantity: 3,
      totalPrice: 1500,
      currency: 'THB',
      reservedAt: '2030-03-01T10:00:00.000Z',
      confirmedAt: null,
    };
    const later = sequenced([confirmed('b7', '2030-03-01T10:40:00.000Z')], 100);
    assert.deepEqual(bookingsToLookUp(later), ['b7']);
    const folded = foldAnalytics(later, [facts]);
    assert.deepEqual(nonZero(folded.minutes[0]!.inc), { confirmations: 1, seatsSold: 3, revenue: 1500 });
    assert.equal(folded.minutes[0]!.position, 100);
    assert.deepEqual(folded.confirmedBookings, [
      { bookingId: 'b7', confirmedAt: '2030-03-01T10:40:00.000Z' },
    ]);
    assert.deepEqual(folded.reservedBookings, []);
  });

  test('looks up only bookings not reserved in the same batch', () => {
    const batch = sequenced([
      reserved('b8', ids.rockNight, ids.front, 1, 1000, 'THB', '2030-03-01T10:00:00.000Z'),
      confirmed('b8', '2030-03-01T10:01:00.000Z'),
      refunded('b1', 1000, 'THB', '2030-03-01T10:02:00.000Z'),
    ]);
    assert.deepEqual(bookingsToLookUp(batch), ['b1']);
  });
});
