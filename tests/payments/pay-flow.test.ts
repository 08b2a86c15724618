// Reserve → pay → confirmed through the whole process: the payment request crosses real Kafka (and, in
// the second run, the embedded mode's in-process bus with the in-process actor) to the payment service
// and back through the event store to the saga. Also the cards that fail, and paying twice. After each
// test the inventory invariant checker runs.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { bookingStreamId } from '../../domain/booking';
import { paymentStreamId } from '../../domain/payment';
import { openBookingApp, type BookingApp } from '../booking/harness';
import { assertInventoryHolds } from '../booking-failures/support';
import { bookingWhen, cards, fastPayments, gatewayLedger, kafkaEnv, pay } from './support';

const setups = [
  { name: 'real Kafka, Redis and PostgreSQL', inventory: 'redis', env: kafkaEnv },
  { name: 'the in-process bus and actor, PostgreSQL', inventory: 'in-process', env: () => ({}) },
] as const;

for (const setup of setups)
  describe(`paying for a booking (${setup.name})`, () => {
    let app: BookingApp;
    before(async () => {
      app = await openBookingApp({ inventory: setup.inventory, env: { ...setup.env(), ...fastPayments } });
    });
    after(async () => {
      await app?.close();
    });

    it('confirms a paid booking, with a QR ticket and the whole causal chain in the log', async () => {
      const { event, zone } = await app.zoneOnSale({ capacity: 10 });
      const buyer = await app.person();
      const held = (await app.reserve(buyer, zone.id, 2)).body.data;
      const accepted = await pay(app, buyer, held.id, cards.succeeds);
      assert.equal(accepted.status, 202, JSON.stringify(accepted.body));
      assert.equal(accepted.body.data.status, 'pending');
      const booking = await bookingWhen(app, buyer, held.id, (b) => b.status === 'confirmed');
      assert.match(booking.confirmationCode ?? '', /^BR-[A-Z2-9]{10}$/);
      assert.equal(booking.ticket, `booking-rush:ticket:v1:${held.id}:${booking.confirmationCode}`);
      assert.deepEqual(booking.payment, {
        paymentId: accepted.body.data.paymentId,
        status: 'succeeded',
        failureReason: null,
      });

      const bookingEvents = await app.store.readStream(bookingStreamId(held.id));
      const paymentEvents = await app.store.readStream(paymentStreamId(accepted.body.data.paymentId));
      assert.deepEqual(
        bookingEvents.map((e) => e.type),
        ['BookingReserved', 'BookingPaymentRequested', 'BookingConfirmed'],
      );
      assert.deepEqual(
        paymentEvents.map((e) => e.type),
        ['PaymentRequested', 'PaymentSucceeded'],
      );
      const [, requested, confirmed] = bookingEvents;
      const [charge, succeeded] = paymentEvents;
      // One correlation id from the pay request to the confirmation; each step caused by the one before.
      const correlationId = requested!.metadata.correlationId;
      assert.ok(correlationId);
      for (const e of [requested, charge, succeeded, confirmed])
        assert.equal(e!.metadata.correlationId, correlationId);
      assert.equal(charge!.metadata.causationId, requested!.id);
      assert.equal(succeeded!.metadata.causationId, charge!.id);
      assert.equal(confirmed!.metadata.causationId, succeeded!.id);
      assert.equal((charge!.data as { amount: number }).amount, held.totalPrice);

      const ledger = await gatewayLedger(app);
      assert.deepEqual(
        ledger.charges.filter((c) => c.idempotencyKey === accepted.body.data.paymentId).map((c) => c.amount),
        [held.totalPrice],
      );
      await assertInventoryHolds(app, [event.id]);
    });

    it('keeps the hold after a declined card, so a second card can pay it', async () => {
      const { event, zone } = await app.zoneOnSale({ capacity: 10 });
      const buyer = await app.person();
      const held = (await app.reserve(buyer, zone.id, 1)).body.data;
      const declined = await pay(app, buyer, held.id, cards.declined);
      assert.equal(declined.status, 202);
      const afterDecline = await bookingWhen(app, buyer, held.id, (b) => b.payment?.status === 'failed');
      assert.equal(afterDecline.status, 'reserved');
      assert.equal(afterDecline.payment?.failureReason, 'DECLINED');
      const second = await pay(app, buyer, held.id, cards.succeeds);
      assert.equal(second.status, 202, JSON.stringify(second.body));
      await bookingWhen(app, buyer, held.id, (b) => b.status === 'confirmed');
      await assertInventoryHolds(app, [event.id]);
    });

    it('retries a gateway error and a gateway that never answers, then fails the payment and keeps the hold', async () => {
      const { event, zone } = await app.zoneOnSale({ capacity: 10 });
      for (const [card, reason] of [
        [cards.gatewayError, 'GATEWAY_ERROR'],
        [cards.neverAnswers, 'GATEWAY_TIMEOUT'],
      ] as const) {
        const buyer = await app.person();
        const held = (await app.reserve(buyer, zone.id, 1)).body.data;
        const accepted = await pay(app, buyer, held.id, card);
        const failed = await bookingWhen(app, buyer, held.id, (b) => b.payment?.status === 'failed');
        assert.equal(failed.payment?.failureReason, reason);
        assert.equal(failed.status, 'reserved');
        const events = await app.store.readStream(paymentStreamId(accepted.body.data.paymentId));
        const outcome = events.at(-1)!;
        assert.equal(outcome.type, 'PaymentFailed');
        assert.equal((outcome.data as { attempts: number }).attempts, 4, 'the first call and three retries');
      }
      await assertInventoryHolds(app, [event.id]);
    });

    it('charges once for two pays with one key, and refuses a second pay with another key', async () => {
      const { event, zone } = await app.zoneOnSale({ capacity: 10 });
      const buyer = await app.person();
      const held = (await app.reserve(buyer, zone.id, 1)).body.data;
      const key = randomUUID();
      const [first, again] = await Promise.all([
        pay(app, buyer, held.id, cards.succeeds, key),
        pay(app, buyer, held.id, cards.succeeds, key),
      ]);
      assert.equal(first.status, 202);
      assert.deepEqual(again.body, first.body);
      const other = await pay(app, buyer, held.id, cards.succeeds);
      assert.equal(other.status, 409, JSON.stringify(other.body));
      assert.equal(other.body.error.code, 'INVALID_STATE');
      await bookingWhen(app, buyer, held.id, (b) => b.status === 'confirmed');
      const paidAgain = await pay(app, buyer, held.id, cards.succeeds);
      assert.equal(paidAgain.status, 409);
      const ledger = await gatewayLedger(app);
      assert.equal(ledger.charges.filter((c) => c.idempotencyKey === first.body.data.paymentId).length, 1);
      await assertInventoryHolds(app, [event.id]);
    });

    it('answers clearly for a bad card number, a missing key, a stranger and a cancelled booking', async () => {
      const { event, zone } = await app.zoneOnSale({ capacity: 10 });
      const buyer = await app.person();
      const held = (await app.reserve(buyer, zone.id, 1)).body.data;
      const luhn = await pay(app, buyer, held.id, '4242424242424241');
      assert.deepEqual([luhn.status, luhn.body.error.code], [400, 'VALIDATION_ERROR']);
      assert.equal(luhn.body.error.message, 'That card number is not valid. Check the digits and try again.');
      assert.deepEqual(luhn.body.error.details, [
        { field: 'cardNumber', reasons: ['not a valid card number (Luhn check failed)'] },
      ]);
      const shape = await app.request('POST', `/bookings/${held.id}/pay`, {
        token: buyer.token,
        idempotencyKey: randomUUID(),
        body: { method: 'cash', cardNumber: '42' },
      });
      assert.deepEqual([shape.status, shape.body.error.code], [400, 'VALIDATION_ERROR']);
      const noKey = await app.request('POST', `/bookings/${held.id}/pay`, {
        token: buyer.token,
        body: { method: 'card', cardNumber: cards.succeeds },
      });
      assert.deepEqual([noKey.status, noKey.body.error.code], [400, 'IDEMPOTENCY_KEY_REQUIRED']);
      const stranger = await pay(app, await app.person(), held.id, cards.succeeds);
      assert.deepEqual([stranger.status, stranger.body.error.code], [404, 'NOT_FOUND']);
      const cancel = await app.request('POST', `/bookings/${held.id}/cancel`, {
        token: buyer.token,
        idempotencyKey: randomUUID(),
        body: {},
      });
      assert.equal(cancel.status, 200);
      const cancelled = await pay(app, buyer, held.id, cards.succeeds);
      assert.deepEqual([cancelled.status, cancelled.body.error.code], [409, 'INVALID_STATE']);
      await assertInventoryHolds(app, [event.id]);
    });
  });
