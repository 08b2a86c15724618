import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { EventStore, NewEvent } from '../../infra/ports/event-store';
import { testCards } from '../../infra/ports/payment-gateway';
import { MockPaymentGateway } from '../../infra/payment-gateway';
import { databaseDrivers } from '../../infra/testing';
import { outcomeEventId, PaymentProcessor, type PaymentProcessorDeps } from './index';
import { now, paymentEvents, recordingSleep, requestPayment, typesOf } from './testing';

const callTimeoutMs = 20;

/** A store whose next `failures` appends throw after nothing was written: a crash before the append. */
function failingAppends(store: EventStore, failures: number): EventStore {
  let left = failures;
  return Object.assign(Object.create(store) as EventStore, {
    append(streamId: string, events: readonly NewEvent[], expected?: Parameters<EventStore['append']>[2]) {
      if (left-- > 0) return Promise.reject(new Error('connection lost before the append'));
      return store.append(streamId, events, expected);
    },
  });
}

type OpenedDatabase = Awaited<ReturnType<(typeof databaseDrivers)[number]['open']>>;

for (const driver of databaseDrivers) {
  describe(`the payment service charging (${driver.name})`, () => {
    let db: OpenedDatabase;
    let gateway: MockPaymentGateway;
    before(async () => {
      db = await driver.open();
      gateway = await MockPaymentGateway.open(db.sql, { callTimeoutMs });
    });
    after(() => db?.close());

    const processor = (deps: Partial<PaymentProcessorDeps> = {}) => {
      const sleeping = recordingSleep();
      const retry = { random: () => 0 };
      const built = new PaymentProcessor({
        store: db.store,
        gateway,
        clock: () => now,
        retry,
        ...sleeping,
        ...deps,
      });
      return { processor: built, waited: sleeping.waited };
    };

    it('charges the amount once and records PaymentSucceeded caused by the request, in its correlation', async () => {
      const { paymentId, correlationId, message } = await requestPayment(
        db.store,
        gateway,
        testCards.succeeds,
      );
      assert.equal(await processor().processor.handle(message), 'charged');
      const [requested, succeeded] = await paymentEvents(db.store, paymentId);
      const charges = (await gateway.ledger()).charges.filter((c) => c.idempotencyKey === paymentId);
      assert.equal(charges.length, 1);
      assert.equal(charges[0]!.amount, 300000);
      assert.equal(succeeded?.type, 'PaymentSucceeded');
      assert.deepEqual(succeeded.data, {
        paymentId,
        bookingId: (requested!.data as { bookingId: string }).bookingId,
        chargeId: charges[0]!.chargeId,
        amount: 300000,
        currency: 'THB',
        succeededAt: now.toISOString(),
      });
      assert.equal(succeeded.metadata.correlationId, correlationId);
      assert.equal(succeeded.metadata.causationId, requested!.id);
      assert.equal(succeeded.id, outcomeEventId(paymentId, 'succeeded'), 'a deterministic event id');
    });

    it('fails a declined card at once, without retrying or charging', async () => {
      const { paymentId, message } = await requestPayment(db.store, gateway, testCards.declined);
      const { processor: declining, waited } = processor();
      assert.equal(await declining.handle(message), 'failed');
      const failed = (await paymentEvents(db.store, paymentId)).at(-1);
      assert.equal(failed?.type, 'PaymentFailed');
      assert.deepEqual(
        [(failed.data as { reason: string }).reason, (failed.data as { attempts: number }).attempts],
        ['DECLINED', 1],
      );
      assert.deepEqual(waited, []);
      assert.equal(await gateway.countCharges(paymentId), 0);
    });

    it('retries a gateway error after 1 s, 2 s and 4 s, then fails with GATEWAY_ERROR after four calls', async () => {
      const { paymentId, message } = await requestPayment(db.store, gateway, testCards.gatewayError);
      const { processor: retrying, waited } = processor();
      assert.equal(await retrying.handle(message), 'failed');
      assert.deepEqual(waited, [1000, 2000, 4000]);
      const failed = (await paymentEvents(db.store, paymentId)).at(-1);
      assert.deepEqual(
        [
          failed?.type,
          (failed?.data as { reason: string }).reason,
          (failed?.data as { attempts: number }).attempts,
        ],
        ['PaymentFailed', 'GATEWAY_ERROR', 4],
      );
    });

    it('adds up to the jitter share at random to each wait', async () => {
      const { message } = await requestPayment(db.store, gateway, testCards.gatewayError);
      const { processor: jittery, waited } = processor({
        retry: { random: () => 0.5, jitter: 0.2, retries: 2 },
      });
      await jittery.handle(message);
      assert.deepEqual(waited, [1100, 2200]);
    });

    it('fails with GATEWAY_TIMEOUT when the gateway never answers, after the retries', async () => {
      const { paymentId, message } = await requestPayment(db.store, gateway, testCards.neverAnswers);
      const { processor: waiting, waited } = processor();
      assert.equal(await waiting.handle(message), 'failed');
      assert.equal(waited.length, 3);
      const failed = (await paymentEvents(db.store, paymentId)).at(-1);
      assert.deepEqual(
        [(failed?.data as { reason: string }).reason, (failed?.data as { attempts: number }).attempts],
        ['GATEWAY_TIMEOUT', 4],
      );
    });

    it('does not charge or append again when the same request is delivered again', async () => {
      const { paymentId, message } = await requestPayment(db.store, gateway, testCards.succeeds);
      const { processor: once } = processor();
      assert.equal(await once.handle(message), 'charged');
      assert.equal(await once.handle(message), 'already-done');
      assert.equal(await processor().processor.handle(message), 'already-done');
      assert.deepEqual(typesOf(await paymentEvents(db.store, paymentId)), [
        'PaymentRequested',
        'PaymentSucceeded',
      ]);
      assert.equal(await gateway.countCharges(paymentId), 1);
    });

    it('charges once and records once when two deliveries of one request run at the same time', async () => {
      const other = await db.connect();
      try {
        const { paymentId, message } = await requestPayment(db.store, gateway, testCards.succeeds);
        const elsewhere = new PaymentProcessor({
          store: other.store,
          gateway: await MockPaymentGateway.open(other.sql, { callTimeoutMs }),
        });
        await Promise.all([processor().processor.handle(message), elsewhere.handle(message)]);
        assert.deepEqual(typesOf(await paymentEvents(db.store, paymentId)), [
          'PaymentRequested',
          'PaymentSucceeded',
        ]);
        assert.equal(await gateway.countCharges(paymentId), 1);
      } finally {
        await other.close();
      }
    });

    it('after a crash between the charge and the append, charges once and records one PaymentSucceeded', async () => {
      const { paymentId, message } = await requestPayment(db.store, gateway, testCards.succeeds);
      const crashing = processor({ store: failingAppends(db.store, 1) }).processor;
      await assert.rejects(crashing.handle(message), /connection lost/);
      assert.equal(await gateway.countCharges(paymentId), 1, 'the gateway charged before the crash');
      assert.deepEqual(typesOf(await paymentEvents(db.store, paymentId)), ['PaymentRequested']);
      assert.equal(await processor().processor.handle(message), 'charged');
      const events = await paymentEvents(db.store, paymentId);
      assert.deepEqual(typesOf(events), ['PaymentRequested', 'PaymentSucceeded']);
      assert.equal(await gateway.countCharges(paymentId), 1);
      const [charge] = (await gateway.ledger()).charges.filter((c) => c.idempotencyKey === paymentId);
      assert.equal((events[1]!.data as { chargeId: string }).chargeId, charge!.chargeId);
    });

    it('ignores events it does not act on', async () => {
      const { message } = await requestPayment(db.store, gateway, testCards.succeeds);
      assert.equal(await processor().processor.handle({ ...message, type: 'PaymentSucceeded' }), 'ignored');
      assert.equal(await processor().processor.handle({ ...message, type: 'BookingReserved' }), 'ignored');
    });
  });
}
