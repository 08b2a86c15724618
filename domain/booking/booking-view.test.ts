import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { bookingView } from './booking-view';
import { at, cancelled, confirmed, expired, expiresAt, reserved, reservedAt } from './testing';

describe('booking view', () => {
  it('shows a fresh hold as reserved, with its price and expiry', () => {
    const view = bookingView([reserved], reservedAt);
    assert.equal(view?.status, 'reserved');
    assert.equal(view?.id, reserved.data.bookingId);
    assert.equal(view?.totalPrice, 300000);
    assert.equal(view?.expiresAt, expiresAt.toISOString());
    assert.equal(view?.endedAt, null);
  });

  it('shows a hold past its expiry as expired before the sweeper wrote it down', () => {
    assert.equal(bookingView([reserved], at(-1, expiresAt))?.status, 'reserved');
    const lapsed = bookingView([reserved], expiresAt);
    assert.equal(lapsed?.status, 'expired');
    assert.equal(lapsed?.endedAt, expiresAt.toISOString());
  });

  it('carries the confirmation code of a confirmed booking, whatever the clock says', () => {
    const view = bookingView([reserved, confirmed], at(3_600_000));
    assert.equal(view?.status, 'confirmed');
    assert.equal(view?.confirmationCode, 'BR-7Q2K');
  });

  it('ends in cancelled or expired with the time it ended', () => {
    assert.equal(bookingView([reserved, cancelled], reservedAt)?.status, 'cancelled');
    assert.equal(bookingView([reserved, expired], reservedAt)?.status, 'expired');
  });

  it('is undefined for a stream without a reservation', () => {
    assert.equal(bookingView([], reservedAt), undefined);
  });
});
