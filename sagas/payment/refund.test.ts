import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { paymentView } from '../../domain/payment';
import type { DeliveredMessage } from '../../infra/ports/integration-bus';
import { testCards } from '../../infra/ports/payment-gateway';
import { MockPaymentGateway } from '../../infra/payment-gateway';
import { databaseDrivers } from '../../infra/testing';
import { PaymentProcessor, paymentsTopicHandler } from './index';
import {
  asPaymentEvents,
  paymentEvents,
  recordingSleep,
  requestPayment,
  requestRefund,
  typesOf,
} from './testing';

const delivered = (value: unknown): DeliveredMessage => ({
  topic: 'payments',
  key: 'payment-1',
  value,
  headers: {},
  partition: 0,
  offset: '0',
});

type OpenedDatabase = Awaited<ReturnType<(typeof databaseDrivers)[number]['open']>>;

for (const driver of databaseDrivers) {
  describe(`the payment service refunding (${driver.name})`, () => {
    let db: OpenedDatabase;
    let gateway: MockPaymentGateway;
    let processor: PaymentProcessor;
    before(async () => {
      db = await driver.open();
      gateway = await MockPaymentGateway.open(db.sql, { callTimeoutMs: 20 });
      processor = new PaymentProcessor({ store: db.store, gateway, ...recordingSleep() });
    });
    after(() => db?.close());

    const paid = async (amount = 300000) => {
      const requested = await requestPayment(db.store, gateway, testCards.succeeds, amount);
      assert.equal(await processor.handle(requested.message), 'charged');
      return requested.paymentId;
    };

    it('refunds once and records one PaymentRefunded when the request is delivered twice', async () => {
      const paymentId = await paid();
      const message = await requestRefund(db.store, paymentId, 300000, 'HOLD_ENDED');
      const { refundId } = message.data as { refundId: string };
      assert.equal(await processor.handle(message), 'refunded');
      assert.equal(await processor.handle(message), 'already-done');
      const events = await paymentEvents(db.store, paymentId);
      assert.deepEqual(typesOf(events), [
        'PaymentRequested',
        'PaymentSucceeded',
        'PaymentRefundRequested',
        'PaymentRefunded',
      ]);
      const refunds = (await gateway.ledger()).refunds.filter((r) => r.idempotencyKey === refundId);
      assert.equal(refunds.length, 1);
      const refunded = events[3]!;
      assert.equal((refunded.data as { gatewayRefundId: string }).gatewayRefundId, refunds[0]!.refundId);
      assert.equal(refunded.metadata.causationId, message.eventId);
      assert.equal(refunded.metadata.correlationId, message.metadata.correlationId);
      assert.deepEqual(
        [paymentView(asPaymentEvents(events))?.status, paymentView(asPaymentEvents(events))?.refunded],
        ['refunded', 300000],
      );
    });

    it('refunds half under the refund policy, then the other half, and the gateway holds both', async () => {
      const paymentId = await paid(300001);
      const first = await requestRefund(db.store, paymentId, 150000);
      assert.equal(await processor.handle(first), 'refunded');
      const afterFirst = paymentView(asPaymentEvents(await paymentEvents(db.store, paymentId)));
      assert.equal(afterFirst?.refunded, 150000);
      const second = await requestRefund(db.store, paymentId, 150001);
      assert.equal(await processor.handle(second), 'refunded');
      const view = paymentView(asPaymentEvents(await paymentEvents(db.store, paymentId)));
      assert.equal(view?.refunded, 300001);
      const [charge] = (await gateway.ledger()).charges.filter((c) => c.idempotencyKey === paymentId);
      const refunds = (await gateway.ledger()).refunds.filter((r) => r.chargeId === charge!.chargeId);
      assert.deepEqual(
        refunds.map((r) => r.amount).sort((a, b) => a - b),
        [150000, 150001],
      );
    });

    it('takes messages from the payments topic and dead-letters a value that is not a relayed event', async () => {
      const requested = await requestPayment(db.store, gateway, testCards.succeeds);
      const handler = paymentsTopicHandler(processor);
      await handler(delivered(requested.message));
      assert.deepEqual(typesOf(await paymentEvents(db.store, requested.paymentId)), [
        'PaymentRequested',
        'PaymentSucceeded',
      ]);
      await assert.rejects(handler(delivered({ hello: 'world' })), TypeError);
      await handler(delivered({ ...requested.message, type: 'BookingReserved', eventId: randomUUID() }));
    });
  });
}
