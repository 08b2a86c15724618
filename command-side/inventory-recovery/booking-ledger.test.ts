import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Hold } from '../../infra/ports/inventory-actor';
import {
  confirmedBookings,
  confirmedByUser,
  confirmedSeats,
  foldLedger,
  heldSeats,
  liveHeldSeats,
  liveHolds,
  staleReservations,
} from './booking-ledger';
import {
  cancelledEvent,
  confirmedEvent,
  expiredEvent,
  paymentFailedEvent,
  paymentRequestedEvent,
  refundedEvent,
  reservedEvent,
  zoneCreated,
  zoneUpdated,
} from './testing';

const t0 = 1_800_000_000_000;
const created = zoneCreated('event-1', 'zone-1', 10);
const hold = (bookingId: string, userId: string, quantity: number, expiresAt = t0 + 60_000): Hold => ({
  bookingId,
  eventId: 'event-1',
  zoneId: 'zone-1',
  userId,
  quantity,
  unitPrice: 2500,
  currency: 'EUR',
  expiresAt,
});
const zoneOf = (events: Parameters<typeof foldLedger>[0]) => {
  const zone = foldLedger(events).zone('zone-1');
  assert.ok(zone, 'the zone is in the ledger');
  return zone;
};

describe('booking ledger', () => {
  it('takes the latest capacity the catalog gave a zone', () => {
    const zone = zoneOf([created, zoneUpdated(created, 30), zoneUpdated(created, 12)]);
    assert.deepEqual([zone.eventId, zone.zoneId, zone.capacity], ['event-1', 'zone-1', 12]);
  });

  it('keeps a reservation with its buyer, price and expiry until something ends it', () => {
    const zone = zoneOf([created, reservedEvent(hold('b1', 'ann', 3))]);
    assert.deepEqual(zone.reserved.get('b1'), {
      bookingId: 'b1',
      userId: 'ann',
      quantity: 3,
      unitPrice: 2500,
      currency: 'EUR',
      expiresAt: t0 + 60_000,
    });
    assert.deepEqual([heldSeats(zone), confirmedSeats(zone)], [3, 0]);
  });

  it('moves a confirmed reservation to the buyer’s confirmed seats', () => {
    const zone = zoneOf([
      created,
      reservedEvent(hold('b1', 'ann', 3)),
      reservedEvent(hold('b2', 'ann', 1)),
      confirmedEvent('b1'),
      confirmedEvent('b2'),
    ]);
    assert.deepEqual([heldSeats(zone), confirmedSeats(zone)], [0, 4]);
    assert.deepEqual(confirmedByUser(zone), { ann: 4 });
  });

  it('ends a reservation on cancel or expiry, and frees nothing twice', () => {
    const zone = zoneOf([
      created,
      reservedEvent(hold('b1', 'ann', 3)),
      reservedEvent(hold('b2', 'bob', 2)),
      reservedEvent(hold('b3', 'cid', 1)),
      cancelledEvent('b1', 'ann'),
      expiredEvent('b2'),
      expiredEvent('b2'),
      confirmedEvent('b2'),
    ]);
    assert.deepEqual([...zone.reserved.keys()], ['b3']);
    assert.deepEqual([heldSeats(zone), confirmedSeats(zone)], [1, 0]);
  });

  it('gives a confirmed booking’s seats back when it is cancelled, once', () => {
    const zone = zoneOf([
      created,
      reservedEvent(hold('b1', 'ann', 3)),
      reservedEvent(hold('b2', 'ann', 2)),
      confirmedEvent('b1'),
      confirmedEvent('b2'),
      cancelledEvent('b1', 'ann'),
      cancelledEvent('b1', 'organizer'),
      confirmedEvent('b1'),
    ]);
    assert.deepEqual(confirmedBookings(zone), [{ bookingId: 'b2', userId: 'ann', quantity: 2 }]);
    assert.deepEqual(confirmedByUser(zone), { ann: 2 });
    assert.deepEqual([heldSeats(zone), confirmedSeats(zone)], [0, 2]);
  });

  it('changes no seats on a refund of a confirmed or cancelled booking', () => {
    const zone = zoneOf([
      created,
      reservedEvent(hold('b1', 'ann', 3)),
      reservedEvent(hold('b2', 'bob', 1)),
      confirmedEvent('b1'),
      confirmedEvent('b2'),
      refundedEvent('b1'),
      cancelledEvent('b2', 'bob'),
      refundedEvent('b2'),
    ]);
    assert.deepEqual(confirmedBookings(zone), [{ bookingId: 'b1', userId: 'ann', quantity: 3 }]);
    assert.equal(confirmedSeats(zone), 3);
  });

  it('ends a reservation refunded after its hold lapsed, as no expiry follows it', () => {
    const zone = zoneOf([created, reservedEvent(hold('b1', 'ann', 3, t0)), refundedEvent('b1')]);
    assert.deepEqual([heldSeats(zone), confirmedSeats(zone)], [0, 0]);
  });

  it('changes no seats on a payment requested or failed, and keeps an expiry from freeing sold seats', () => {
    const zone = zoneOf([
      created,
      reservedEvent(hold('b1', 'ann', 3)),
      reservedEvent(hold('b2', 'bob', 2)),
      paymentRequestedEvent('b1'),
      paymentFailedEvent('b1'),
      paymentRequestedEvent('b2'),
      confirmedEvent('b2'),
      expiredEvent('b2'),
    ]);
    assert.deepEqual([...zone.reserved.keys()], ['b1']);
    assert.deepEqual([heldSeats(zone), confirmedSeats(zone)], [3, 2]);
  });

  it('counts as live only the reservations whose expiry lies after now', () => {
    const zone = zoneOf([
      created,
      reservedEvent(hold('due', 'ann', 2, t0)),
      reservedEvent(hold('live', 'bob', 3, t0 + 1)),
    ]);
    assert.deepEqual(
      liveHolds(zone, t0).map((h) => h.bookingId),
      ['live'],
    );
    assert.deepEqual(
      staleReservations(zone, t0).map((h) => h.bookingId),
      ['due'],
    );
    assert.deepEqual([heldSeats(zone), liveHeldSeats(zone, t0)], [5, 3]);
  });

  it('ignores a repeated reservation and events of bookings it never saw', () => {
    const zone = zoneOf([
      created,
      reservedEvent(hold('b1', 'ann', 3)),
      reservedEvent(hold('b1', 'ann', 3)),
      confirmedEvent('ghost'),
      refundedEvent('ghost'),
    ]);
    assert.deepEqual([heldSeats(zone), confirmedSeats(zone)], [3, 0]);
  });
});
