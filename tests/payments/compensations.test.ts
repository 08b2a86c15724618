// Compensations: a payment that lands after the hold ended, or after its show began, is refunded (and a
// pay asked once the show began is refused); a confirm the actor refuses is refunded; a buyer cancelling
// a confirmed booking gets the refund policy's share and the seats return; an organizer cancelling an
// event refunds every confirmed booking and closes its holds.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { ContainerModule } from 'inversify';
import type { InventoryActor } from '../../infra/ports/inventory-actor';
import { InventoryTokens } from '../../infra/roles/modules/inventory-tokens';
import { bookingSagaStreamId } from '../../sagas/booking';
import { openBookingApp, waitFor, type BookingApp, type Person } from '../booking/harness';
import { assertInventoryHolds } from '../booking-failures/support';
import { bookingWhen, cards, fastPayments, gatewayLedger, kafkaEnv, pay } from './support';

const refusedConfirms = new Set<string>();
/** The actor refuses the confirm of chosen bookings as if their hold had lapsed a moment earlier. */
const refuseChosenConfirms = new ContainerModule(({ onActivation }) => {
  onActivation(
    InventoryTokens.Actor,
    (_context, actor: InventoryActor) =>
      new Proxy(actor, {
        get(target, property, receiver) {
          const value = Reflect.get(target, property, receiver) as unknown;
          if (property !== 'confirm') return typeof value === 'function' ? value.bind(target) : value;
          return async (input: Parameters<InventoryActor['confirm']>[0]) =>
            refusedConfirms.has(input.bookingId) ? { ok: false, reason: 'EXPIRED' } : target.confirm(input);
        },
      }),
  );
});

const cancelBooking = (app: BookingApp, buyer: Person, bookingId: string) =>
  app.request('POST', `/bookings/${bookingId}/cancel`, {
    token: buyer.token,
    idempotencyKey: randomUUID(),
    body: {},
  });

describe('compensations when the hold ends first (slow gateway, 3 s holds)', () => {
  let app: BookingApp;
  before(async () => {
    app = await openBookingApp({
      inventory: 'redis',
      ttlSeconds: 3,
      env: {
        ...kafkaEnv(),
        ...fastPayments,
        PAYMENT_GATEWAY_LATENCY_MS: '3500',
        PAYMENT_GATEWAY_TIMEOUT_MS: '10000',
        SAGA_EXPIRY_GRACE_MS: '500',
      },
      modules: [refuseChosenConfirms],
    });
  });
  after(async () => {
    await app?.close();
  });

  it('refunds a payment that succeeds after the hold expired; the booking reads refunded', async () => {
    const { event, zone } = await app.zoneOnSale({ capacity: 5 });
    const buyer = await app.person();
    const held = (await app.reserve(buyer, zone.id, 2)).body.data;
    const accepted = await pay(app, buyer, held.id, cards.succeeds);
    assert.equal(accepted.status, 202, JSON.stringify(accepted.body));
    const booking = await bookingWhen(app, buyer, held.id, (b) => b.status === 'refunded', 30_000);
    assert.equal(booking.refundedAmount, held.totalPrice);
    assert.equal(booking.confirmationCode, null);
    const { charges, refunds } = await gatewayLedger(app);
    const paymentId = accepted.body.data.paymentId;
    assert.equal(charges.filter((c) => c.idempotencyKey === paymentId).length, 1);
    assert.deepEqual(
      refunds.map((r) => r.amount),
      [held.totalPrice],
    );
    const counter = await app.actor.snapshot({ eventId: event.id, zoneId: zone.id });
    assert.deepEqual([counter?.available, counter?.held, counter?.confirmed], [5, 0, 0]);
    const payAgain = await pay(app, buyer, held.id, cards.succeeds);
    assert.deepEqual([payAgain.status, payAgain.body.error.code], [409, 'INVALID_STATE']);
    await assertInventoryHolds(app, [event.id]);
  });

  it('answers 409 INVALID_STATE to a pay after the hold expired', async () => {
    const { event, zone } = await app.zoneOnSale({ capacity: 5 });
    const buyer = await app.person();
    const held = (await app.reserve(buyer, zone.id, 1)).body.data;
    await bookingWhen(app, buyer, held.id, (b) => b.status === 'expired');
    const late = await pay(app, buyer, held.id, cards.succeeds);
    assert.deepEqual([late.status, late.body.error.code], [409, 'INVALID_STATE']);
    await assertInventoryHolds(app, [event.id]);
  });
});

describe('a show that begins while a hold is being paid (slow gateway, show in seconds)', () => {
  let app: BookingApp;
  before(async () => {
    app = await openBookingApp({
      inventory: 'in-process',
      env: {
        ...fastPayments,
        PAYMENT_GATEWAY_LATENCY_MS: '5000',
        PAYMENT_GATEWAY_TIMEOUT_MS: '20000',
      },
    });
  });
  after(async () => {
    await app?.close();
  });

  const begun = (startsAt: string) => waitFor(() => Date.now() >= Date.parse(startsAt), 15_000);

  it('answers 409 INVALID_STATE to a pay once the show has begun, though the hold lasts', async () => {
    const { show, zone } = await app.zoneOnSale({ capacity: 5, showInSeconds: 4 });
    const buyer = await app.person();
    const held = (await app.reserve(buyer, zone.id, 1)).body.data;
    await begun(show.startsAt);
    assert.ok(Date.parse(held.expiresAt) > Date.now(), 'the hold is still live');
    const late = await pay(app, buyer, held.id, cards.succeeds);
    assert.deepEqual([late.status, late.body.error.code], [409, 'INVALID_STATE'], JSON.stringify(late.body));
    assert.match(late.body.error.message, /show has begun/);
    const stored = await app.store.readStream(`booking-${held.id}`);
    assert.deepEqual(
      stored.map((event) => event.type),
      ['BookingReserved'],
      'nothing was asked of the gateway',
    );
  });

  it('refunds a payment asked for before the show that succeeds after it began; never confirmed', async () => {
    const { show, zone } = await app.zoneOnSale({ capacity: 5, showInSeconds: 4 });
    const buyer = await app.person();
    const held = (await app.reserve(buyer, zone.id, 2)).body.data;
    const accepted = await pay(app, buyer, held.id, cards.succeeds);
    assert.equal(accepted.status, 202, JSON.stringify(accepted.body));
    const booking = await bookingWhen(app, buyer, held.id, (b) => b.status === 'refunded', 30_000);
    assert.ok(Date.now() >= Date.parse(show.startsAt));
    assert.equal(booking.confirmationCode, null);
    assert.equal(booking.refundedAmount, held.totalPrice);
    const sagaFacts = await app.store.readStream(bookingSagaStreamId(held.id));
    assert.deepEqual(
      sagaFacts.map((fact) => [fact.type, (fact.data as { reason: string }).reason]),
      [['ConfirmationRefused', 'SHOW_STARTED']],
    );
    const { charges, refunds } = await gatewayLedger(app);
    const paymentId = accepted.body.data.paymentId;
    assert.equal(charges.filter((c) => c.idempotencyKey === paymentId).length, 1);
    assert.deepEqual(
      refunds.filter((r) => r.idempotencyKey.startsWith(held.id)).map((r) => r.amount),
      [held.totalPrice],
    );
  });
});

describe('compensations when the seat counter refuses a paid confirm (3 s holds)', () => {
  let app: BookingApp;
  before(async () => {
    app = await openBookingApp({
      inventory: 'redis',
      ttlSeconds: 3,
      env: { ...kafkaEnv(), ...fastPayments, SAGA_EXPIRY_GRACE_MS: '500' },
      modules: [refuseChosenConfirms],
    });
  });
  after(async () => {
    await app?.close();
  });

  it('refunds a succeeded payment whose confirm the seat counter refused', async () => {
    const { event, zone } = await app.zoneOnSale({ capacity: 5 });
    const buyer = await app.person();
    const held = (await app.reserve(buyer, zone.id, 1)).body.data;
    refusedConfirms.add(held.id);
    await pay(app, buyer, held.id, cards.succeeds);
    const booking = await bookingWhen(app, buyer, held.id, (b) => b.status === 'refunded', 30_000);
    assert.equal(booking.refundedAmount, held.totalPrice);
    const sagaFacts = await app.store.readStream(bookingSagaStreamId(held.id));
    assert.deepEqual(
      sagaFacts.map((fact) => [fact.type, (fact.data as { reason: string }).reason]),
      [['ConfirmationRefused', 'EXPIRED']],
    );
    await assertInventoryHolds(app, [event.id]);
  });
});

describe('cancelling paid bookings (refund policy, event cancelled)', () => {
  let app: BookingApp;
  before(async () => {
    app = await openBookingApp({ inventory: 'in-process', env: { ...kafkaEnv(), ...fastPayments } });
  });
  after(async () => {
    await app?.close();
  });

  async function confirmedBooking(zoneId: string, quantity = 2) {
    const buyer = await app.person();
    const held = (await app.reserve(buyer, zoneId, quantity)).body.data;
    await pay(app, buyer, held.id, cards.succeeds);
    await bookingWhen(app, buyer, held.id, (b) => b.status === 'confirmed');
    return { buyer, held };
  }

  for (const [days, percent] of [
    [10, 100],
    [5, 50],
    [2, 0],
  ] as const) {
    it(`refunds ${percent}% to a buyer cancelling ${days} days before the show, and the seats return to sale`, async () => {
      const { event, zone } = await app.zoneOnSale({ capacity: 4, showInDays: days });
      const { buyer, held } = await confirmedBooking(zone.id);
      const reply = await cancelBooking(app, buyer, held.id);
      assert.equal(reply.status, 200, JSON.stringify(reply.body));
      const expected = Math.floor((held.totalPrice * percent) / 100);
      const booking =
        percent === 0
          ? await bookingWhen(app, buyer, held.id, (b) => b.status === 'cancelled')
          : await bookingWhen(app, buyer, held.id, (b) => b.status === 'refunded');
      assert.equal(booking.refundedAmount, expected);
      assert.equal(booking.ticket, null);
      const counter = await app.actor.snapshot({ eventId: event.id, zoneId: zone.id });
      assert.deepEqual([counter?.available, counter?.confirmed], [4, 0]);
      // The seats are for sale again: someone else can hold all four.
      const next = await app.reserve(await app.person(), zone.id, 4);
      assert.equal(next.status, 201, JSON.stringify(next.body));
      await assertInventoryHolds(app, [event.id]);
    });
  }

  it('refunds every confirmed booking in full and closes every hold when the organizer cancels the event', async () => {
    const { event, zone } = await app.zoneOnSale({ capacity: 20, showInDays: 2 });
    const paid = await Promise.all(Array.from({ length: 4 }, () => confirmedBooking(zone.id)));
    const holders = await Promise.all(Array.from({ length: 3 }, () => app.person()));
    const holds = await Promise.all(holders.map((buyer) => app.reserve(buyer, zone.id, 1)));
    const cancel = await app.request('POST', `/events/${event.id}/cancel`, {
      token: (await app.person('admin')).token,
      body: { reason: 'Venue flooded' },
    });
    assert.equal(cancel.status, 200, JSON.stringify(cancel.body));
    for (const { buyer, held } of paid) {
      const booking = await bookingWhen(app, buyer, held.id, (b) => b.status === 'refunded');
      assert.equal(booking.refundedAmount, held.totalPrice);
    }
    for (const [index, buyer] of holders.entries())
      await bookingWhen(app, buyer, holds[index]!.body.data.id, (b) => b.status === 'cancelled');
    const counter = await app.actor.snapshot({ eventId: event.id, zoneId: zone.id });
    assert.deepEqual([counter?.available, counter?.held, counter?.confirmed], [20, 0, 0]);
    const { refunds } = await gatewayLedger(app);
    // One full refund per paid booking (a refund's idempotency key starts with its booking's id).
    for (const { held } of paid)
      assert.deepEqual(
        refunds.filter((refund) => refund.idempotencyKey.startsWith(held.id)).map((refund) => refund.amount),
        [held.totalPrice],
      );
    await assertInventoryHolds(app, [event.id]);
  });
});
