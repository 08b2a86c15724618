import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Booking } from './api/types';
import { clampQuantity, quantityLimit, seatsTakenForEvent } from './quantity';

const now = Date.parse('2030-01-01T10:00:00Z');
const booking = (overrides: Partial<Booking>): Booking => ({
  id: 'b',
  status: 'reserved',
  eventId: 'e1',
  showId: 's',
  zoneId: 'z',
  quantity: 1,
  unitPrice: 100,
  totalPrice: 100,
  currency: 'THB',
  expiresAt: '2030-01-01T10:05:00Z',
  reservedAt: '2030-01-01T09:55:00Z',
  endedAt: null,
  confirmationCode: null,
  ticket: null,
  payment: null,
  refundDue: null,
  refundedAmount: 0,
  userId: 'u',
  ...overrides,
});

describe('quantity limits', () => {
  it('counts confirmed bookings and live holds of the event, not expired, cancelled or other events', () => {
    const bookings = [
      booking({ quantity: 2, status: 'confirmed' }),
      booking({ quantity: 1 }),
      booking({ quantity: 3, expiresAt: '2030-01-01T09:59:59Z' }),
      booking({ quantity: 4, status: 'cancelled' }),
      booking({ quantity: 4, status: 'expired' }),
      booking({ quantity: 4, eventId: 'e2', status: 'confirmed' }),
    ];
    assert.equal(seatsTakenForEvent(bookings, 'e1', now), 3);
  });

  it('bounds the picker by what is left of the per-buyer limit', () => {
    assert.deepEqual(quantityLimit({ available: 50, maxTicketsPerUser: 4, alreadyTaken: 1 }), {
      max: 3,
      reason: 'per-buyer',
    });
  });

  it('bounds the picker by the zone when fewer seats are left than the buyer may take', () => {
    assert.deepEqual(quantityLimit({ available: 2, maxTicketsPerUser: 4, alreadyTaken: 0 }), {
      max: 2,
      reason: 'zone',
    });
  });

  it('offers nothing when the zone is sold out or the buyer reached the limit', () => {
    assert.deepEqual(quantityLimit({ available: 0, maxTicketsPerUser: 4, alreadyTaken: 0 }), {
      max: 0,
      reason: 'sold-out',
    });
    assert.deepEqual(quantityLimit({ available: 10, maxTicketsPerUser: 4, alreadyTaken: 5 }), {
      max: 0,
      reason: 'limit-reached',
    });
  });

  it('keeps a picked quantity between 1 and the maximum', () => {
    assert.equal(clampQuantity(7, 3), 3);
    assert.equal(clampQuantity(0, 3), 1);
    assert.equal(clampQuantity(2.7, 3), 2);
    assert.equal(clampQuantity(Number.NaN, 3), 1);
    assert.equal(clampQuantity(2, 0), 0);
  });
});
