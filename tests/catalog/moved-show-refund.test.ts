// A moved show moves the refund policy with it: the booking lifecycle reads a show's start from the
// in-memory catalog view, which folds ShowUpdated like every other catalog event.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { bookingStreamId, type BookingCancelled, type RefundDue } from '../../domain/booking';
import { BookingTokens } from '../../infra/roles/modules/booking-tokens';
import { CatalogTokens } from '../../infra/roles/modules/catalog-tokens';
import {
  openBookingApp,
  requestPaymentDirectly,
  waitFor,
  type BookingApp,
  type Person,
} from '../booking/harness';

const day = 24 * 60 * 60 * 1000;

describe('cancelling a confirmed booking after its show moved', () => {
  let app: BookingApp;
  before(async () => {
    app = await openBookingApp({ inventory: 'in-process', saga: 'off' });
  });
  after(async () => {
    await app?.close();
  });

  async function confirmedBooking(zoneId: string): Promise<{ buyer: Person; bookingId: string }> {
    const lifecycle = await app.running.container.getAsync(BookingTokens.Lifecycle);
    const buyer = await app.person();
    const held = await app.reserve(buyer, zoneId, 2);
    assert.equal(held.status, 201, JSON.stringify(held.body));
    const paymentId = await requestPaymentDirectly(lifecycle, held.body.data);
    const outcome = await lifecycle.confirm({
      bookingId: held.body.data.id,
      paymentId,
      confirmationCode: `BR-MOVE-${randomUUID().slice(0, 8)}`,
      metadata: { correlationId: randomUUID(), userId: 'system:test-payments' },
    });
    assert.ok(outcome.ok, JSON.stringify(outcome));
    return { buyer, bookingId: held.body.data.id };
  }

  /** What the buyer is owed back on cancelling: null when the policy gives nothing. */
  async function refundOnCancel(buyer: Person, bookingId: string): Promise<RefundDue | null | undefined> {
    const reply = await app.request('POST', `/bookings/${bookingId}/cancel`, {
      token: buyer.token,
      idempotencyKey: randomUUID(),
      body: {},
    });
    assert.equal(reply.status, 200, JSON.stringify(reply.body));
    const events = await app.store.readStream(bookingStreamId(bookingId));
    const cancelled = events.find((event) => event.type === 'BookingCancelled');
    assert.ok(cancelled, 'BookingCancelled was appended');
    return (cancelled.data as BookingCancelled['data']).refund;
  }

  it('refunds by the new start: nothing two days ahead, all of it once the show moved ten days out', async () => {
    const { show, zone } = await app.zoneOnSale({ capacity: 10, showInDays: 2 });
    const before = await confirmedBooking(zone.id);
    const after = await confirmedBooking(zone.id);
    assert.equal(await refundOnCancel(before.buyer, before.bookingId), null, 'under three days: nothing');

    const admin = await app.person('admin');
    const startsAt = new Date(Date.now() + 10 * day).toISOString();
    const moved = await app.request('PUT', `/shows/${show.id}`, { token: admin.token, body: { startsAt } });
    assert.equal(moved.status, 200, JSON.stringify(moved.body));
    const catalog = await app.running.container.getAsync(CatalogTokens.View);
    await waitFor(() => catalog.view.zone(zone.id)?.showStartsAt === startsAt);

    const refund = await refundOnCancel(after.buyer, after.bookingId);
    assert.equal(refund?.percent, 100, 'over seven days: all of it');
    assert.equal(refund?.amount, 2 * zone.price);
  });
});
