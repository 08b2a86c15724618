import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { describe, it } from 'node:test';
import { testCards } from './cards';
import { tokenOf, type PaymentGatewayFixture } from './contract-support';
import { GatewayError } from './errors';
import type { PaymentGateway } from './payment-gateway';

/** Refunds: once per key, never beyond the charge. */
export function describeRefundContract(
  gatewayOf: () => PaymentGateway,
  fixture: PaymentGatewayFixture,
): void {
  const charged = async (amount: number): Promise<string> => {
    const gateway = gatewayOf();
    const token = await tokenOf(gateway, testCards.succeeds);
    const answer = await gateway.charge({ token, amount, currency: 'THB', idempotencyKey: randomUUID() });
    assert.equal(answer.outcome, 'succeeded');
    return answer.outcome === 'succeeded' ? answer.chargeId : '';
  };

  describe('refund', () => {
    it('refunds a charge once per key, even when called at once', async () => {
      const chargeId = await charged(5000);
      const request = { chargeId, amount: 5000, currency: 'THB', idempotencyKey: randomUUID() };
      const answers = await Promise.all(Array.from({ length: 8 }, () => gatewayOf().refund(request)));
      const again = await gatewayOf().refund(request);
      assert.equal(new Set([...answers, again].map((a) => a.refundId)).size, 1);
      if (fixture.countRefunds) assert.equal(await fixture.countRefunds(request.idempotencyKey), 1);
    });

    it('refunds in parts up to the charge and refuses a part beyond it', async () => {
      const chargeId = await charged(5000);
      const refund = (amount: number) =>
        gatewayOf().refund({ chargeId, amount, currency: 'THB', idempotencyKey: randomUUID() });
      const half = await refund(2500);
      const rest = await refund(2500);
      assert.notEqual(half.refundId, rest.refundId);
      await assert.rejects(refund(1), GatewayError);
    });

    it('throws GatewayError for a charge it never made', async () => {
      const request = { chargeId: 'ch_unknown', amount: 1, currency: 'THB', idempotencyKey: randomUUID() };
      await assert.rejects(gatewayOf().refund(request), GatewayError);
    });
  });
}
