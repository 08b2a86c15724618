import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fold } from '../shared';
import { bookingDecider, type Reserve } from './index';
import {
  at,
  bookingId,
  buyer,
  cancelled,
  confirmed,
  expired,
  expiresAt,
  given,
  paymentId,
  paymentRequested,
  refunded,
  reserved,
  reservedAt,
} from './testing';

const reserve: Reserve = {
  type: 'Reserve',
  bookingId,
  userId: buyer,
  eventId: reserved.data.eventId,
  showId: reserved.data.showId,
  zoneId: reserved.data.zoneId,
  quantity: 2,
  unitPrice: 150000,
  currency: 'THB',
  expiresAt,
  now: reservedAt,
};
const confirm = (now: Date) => ({ type: 'Confirm', paymentId, confirmationCode: 'BR-7Q2K', now }) as const;
const cancel = (now: Date, userId = buyer) => ({ type: 'Cancel', userId, reason: null, now }) as const;
const expire = (now: Date) => ({ type: 'Expire', now }) as const;
const ended = { confirmed, cancelled, expired, refunded };

describe('the booking decider', () => {
  describe('reserve', () => {
    it('records the hold with the total price on an empty stream', () => {
      given().when(reserve).then([reserved]);
    });

    it('refuses a second reservation on the same stream', () => {
      given(reserved).when(reserve).thenFails('INVALID_STATE');
    });

    it('refuses a quantity below one and an expiry that is not in the future', () => {
      given()
        .when({ ...reserve, quantity: 0 })
        .thenFails('VALIDATION_ERROR');
      given()
        .when({ ...reserve, expiresAt: reservedAt })
        .thenFails('VALIDATION_ERROR');
    });
  });

  describe('confirm', () => {
    it('confirms a reserved booking with the payment in flight while its hold is live', () => {
      given(reserved, paymentRequested)
        .when(confirm(at(60_000)))
        .then([confirmed]);
    });

    it('refuses a booking nobody paid, or paid with another payment', () => {
      given(reserved)
        .when(confirm(at(60_000)))
        .thenFails('INVALID_STATE');
      given(reserved, paymentRequested)
        .when({ ...confirm(at(60_000)), paymentId: 'another' })
        .thenFails('INVALID_STATE');
    });

    it('does nothing when the same payment confirmed it already', () => {
      given(reserved, paymentRequested, confirmed)
        .when(confirm(at(70_000)))
        .thenNothing();
    });

    it('refuses at and after expiresAt, even before the sweeper ran', () => {
      given(reserved, paymentRequested).when(confirm(expiresAt)).thenFails('INVALID_STATE');
      given(reserved, paymentRequested)
        .when(confirm(at(1, expiresAt)))
        .thenFails('INVALID_STATE');
    });

    it('refuses a booking that is no longer reserved', () => {
      for (const event of [cancelled, expired, refunded])
        given(reserved, paymentRequested, event)
          .when(confirm(at(1000)))
          .thenFails('INVALID_STATE');
    });

    it('answers NOT_FOUND for a booking that does not exist', () => {
      given()
        .when(confirm(at(1000)))
        .thenFails('NOT_FOUND');
    });
  });

  describe('cancel', () => {
    it('lets the owner cancel while the hold is live', () => {
      given(reserved)
        .when(cancel(at(60_000)))
        .then([cancelled]);
    });

    it('hides the booking from anyone but its owner', () => {
      given(reserved)
        .when(cancel(at(60_000), 'customer-2'))
        .thenFails('NOT_FOUND');
      given()
        .when(cancel(at(60_000)))
        .thenFails('NOT_FOUND');
    });

    it('refuses any ended booking', () => {
      for (const event of [cancelled, expired, refunded])
        given(reserved, event)
          .when(cancel(at(120_000)))
          .thenFails('INVALID_STATE');
    });

    it('refuses once the hold has run out', () => {
      given(reserved).when(cancel(expiresAt)).thenFails('INVALID_STATE');
    });

    it('refuses a reason holding a lone surrogate', () => {
      given(reserved)
        .when({ ...cancel(at(60_000)), reason: 'sick \ud800' })
        .thenFails('VALIDATION_ERROR');
    });
  });

  describe('expire', () => {
    it('expires a reserved booking at expiresAt', () => {
      given(reserved).when(expire(expiresAt)).then([expired]);
    });

    it('refuses to expire a hold that is still live', () => {
      given(reserved)
        .when(expire(at(-1, expiresAt)))
        .thenFails('INVALID_STATE');
    });

    it('does nothing when the booking already ended', () => {
      for (const event of Object.values(ended))
        given(reserved, event)
          .when(expire(at(60_000, expiresAt)))
          .thenNothing();
    });

    it('answers NOT_FOUND for a booking that was never reserved', () => {
      given().when(expire(expiresAt)).thenFails('NOT_FOUND');
    });
  });

  it('folds each event into the status API.md lists', () => {
    assert.equal(fold(bookingDecider, [reserved])?.status, 'reserved');
    assert.equal(fold(bookingDecider, [reserved, paymentRequested, confirmed])?.status, 'confirmed');
    assert.equal(fold(bookingDecider, [reserved, cancelled])?.status, 'cancelled');
    assert.equal(fold(bookingDecider, [reserved, expired])?.status, 'expired');
    assert.equal(fold(bookingDecider, [reserved, expired, refunded])?.status, 'refunded');
  });
});
