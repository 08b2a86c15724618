// The saga and the payment service as their own processes, SIGKILLed while payments are in flight and
// started again: every booking still reaches its final state, nothing is charged or refunded twice, and
// the seat counters agree with the log.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { paymentStreamId } from '../../domain/payment';
import type { BookingView } from '../../domain/booking';
import { relayModules } from '../../infra/roles/modules/role-modules';
import { openBookingApp, waitFor, type BookingApp } from '../booking/harness';
import { assertInventoryHolds } from '../booking-failures/support';
import { RoleProcess } from './role-process';
import { bookingOf, cards, fastPayments, gatewayLedger, kafkaEnv, pay } from './support';

describe('the saga and the payment service killed mid-flow (child processes)', () => {
  let app: BookingApp;
  let saga: RoleProcess;
  let payments: RoleProcess;
  before(async () => {
    // This process: the command API, projections and the relay; the saga and the payment service are
    // children on the same PostgreSQL, Redis and Kafka.
    app = await openBookingApp({
      inventory: 'redis',
      saga: 'off',
      modules: relayModules,
      env: { ...kafkaEnv(), ...fastPayments, PAYMENT_GATEWAY_LATENCY_MS: '150' },
    });
    saga = RoleProcess.beside(app, 'saga');
    payments = RoleProcess.beside(app, 'payment');
    await Promise.all([saga.start(), payments.start()]);
  });
  after(async () => {
    await saga?.kill();
    await payments?.kill();
    await app?.close();
  });

  it('confirms every paid booking exactly once after both processes were SIGKILLed and restarted', async () => {
    const bookings = 24;
    const { event, zone } = await app.zoneOnSale({ capacity: bookings, maxTicketsPerUser: 1 });
    const buyers = await Promise.all(Array.from({ length: bookings }, () => app.person()));
    const held = await Promise.all(buyers.map((buyer) => app.reserve(buyer, zone.id, 1)));
    const accepted = await Promise.all(
      held.map((reply, index) => pay(app, buyers[index]!, reply.body.data.id, cards.succeeds)),
    );
    for (const reply of accepted) assert.equal(reply.status, 202, JSON.stringify(reply.body));
    // Kill both once some payments went through and others are still in flight.
    await waitFor(async () => (await gatewayLedger(app)).charges.length >= 3, 30_000);
    await Promise.all([saga.kill(), payments.kill()]);
    const chargedBeforeRestart = (await gatewayLedger(app)).charges.length;
    assert.ok(chargedBeforeRestart < bookings, 'the kill came too late to interrupt anything');
    await Promise.all([saga.start(), payments.start()]);

    let states: BookingView[] = [];
    await waitFor(async () => {
      states = await Promise.all(
        held.map((reply, index) => bookingOf(app, buyers[index]!, reply.body.data.id)),
      );
      return states.every((booking) => booking.status === 'confirmed');
    }, 60_000).catch(async (error: Error) => {
      const stuck = states.filter((booking) => booking.status !== 'confirmed');
      const commands = await app.database.sql.query(
        `SELECT saga_id, type, status, attempts, due_at, leased_until, last_error FROM saga_commands
         WHERE status <> 'done' AND saga_id = ANY($1::text[])`,
        [stuck.map((booking) => booking.id)],
      );
      throw new Error(
        `${error.message}: ${stuck.length} not confirmed ${JSON.stringify(stuck.map((b) => [b.id, b.status, b.payment]))}\n` +
          `saga commands: ${JSON.stringify(commands)}\nsaga: ${saga.output.join('').slice(-3000)}\n` +
          `payment: ${payments.output.join('').slice(-3000)}`,
      );
    });
    const { charges, refunds } = await gatewayLedger(app);
    const paymentIds = accepted.map((reply) => reply.body.data.paymentId).sort();
    assert.deepEqual(
      charges.map((charge) => charge.idempotencyKey).sort(),
      paymentIds,
      'one charge per payment, none twice',
    );
    assert.equal(refunds.length, 0);
    for (const paymentId of paymentIds)
      assert.deepEqual(
        (await app.store.readStream(paymentStreamId(paymentId))).map((event) => event.type),
        ['PaymentRequested', 'PaymentSucceeded'],
        'redelivered requests appended no second outcome',
      );
    const counter = await app.actor.snapshot({ eventId: event.id, zoneId: zone.id });
    assert.deepEqual([counter?.confirmed, counter?.held, counter?.available], [bookings, 0, 0]);
    await assertInventoryHolds(app, [event.id]);
  });
});
