import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { testCards } from './cards';
import { describeRefundContract } from './contract-refunds';
import { tokenOf, type PaymentGatewayFixture } from './contract-support';
import { GatewayError, GatewayTimeoutError } from './errors';
import type { PaymentGateway } from './payment-gateway';

export type { PaymentGatewayFixture } from './contract-support';

/** The PaymentGateway port's contract: every adapter runs this same suite. */
export function describePaymentGatewayContract(adapterName: string, fixture: PaymentGatewayFixture): void {
  describe(`PaymentGateway contract: ${adapterName}`, () => {
    let gateway: PaymentGateway;
    let close: (() => Promise<void>) | undefined;
    before(async () => {
      ({ gateway, close } = await fixture.open());
    });
    after(() => close?.());
    const charge = async (cardNumber: string) =>
      gateway.charge({
        token: await tokenOf(gateway, cardNumber),
        amount: 5000,
        currency: 'THB',
        idempotencyKey: randomUUID(),
      });

    describe('tokenize', () => {
      it('vaults a Luhn-valid number as a random token with its last four digits and brand', async () => {
        const first = await gateway.tokenize(testCards.succeeds);
        const second = await gateway.tokenize(testCards.succeeds);
        assert.ok(first.ok && second.ok);
        assert.deepEqual([first.card.last4, first.card.brand], ['4242', 'visa']);
        assert.notEqual(first.card.token, second.card.token, 'a token is not derived from the number');
        assert.ok(!first.card.token.includes('4242424242'));
      });

      it('refuses numbers that fail Luhn or are not 12–19 digits', async () => {
        for (const bad of ['4242424242424241', '42424242', '4242 4242 4242 4242', '4'.repeat(20), ''])
          assert.deepEqual(await gateway.tokenize(bad), { ok: false, reason: 'INVALID_CARD' }, bad);
      });
    });

    describe('charge', () => {
      it('charges a good card and declines the declined test card', async () => {
        const ok = await charge(testCards.succeeds);
        assert.equal(ok.outcome, 'succeeded');
        assert.ok(ok.outcome === 'succeeded' && ok.chargeId.length > 0);
        assert.equal((await charge('5555555555554444')).outcome, 'succeeded', 'any other valid number');
        const declined = await charge(testCards.declined);
        assert.equal(declined.outcome, 'declined');
        assert.ok(declined.outcome === 'declined' && declined.message.length > 0);
      });

      it('throws GatewayError for the error card and GatewayTimeoutError after the call timeout', async () => {
        await assert.rejects(charge(testCards.gatewayError), GatewayError);
        const started = Date.now();
        await assert.rejects(charge(testCards.neverAnswers), GatewayTimeoutError);
        assert.ok(Date.now() - started >= fixture.callTimeoutMs * 0.9, 'waits for the call timeout');
      });

      it('throws GatewayError for a token it never issued', async () => {
        const request = { token: 'tok_unknown', amount: 100, currency: 'THB', idempotencyKey: randomUUID() };
        await assert.rejects(gateway.charge(request), GatewayError);
      });

      it('answers a repeated key with the first answer and charges once, even when called at once', async () => {
        const key = randomUUID();
        const token = await tokenOf(gateway, testCards.succeeds);
        const request = { token, amount: 5000, currency: 'THB', idempotencyKey: key };
        const answers = await Promise.all(Array.from({ length: 8 }, () => gateway.charge(request)));
        const again = await gateway.charge(request);
        assert.equal(new Set([...answers, again].map((a) => JSON.stringify(a))).size, 1);
        assert.equal(again.outcome, 'succeeded');
        if (fixture.countCharges) assert.equal(await fixture.countCharges(key), 1);
        const other = await gateway.charge({ ...request, idempotencyKey: randomUUID() });
        assert.ok(other.outcome === 'succeeded' && other.chargeId !== again.chargeId, 'a new key charges');
      });

      it('answers a repeated key of a declined card with the same decline', async () => {
        const key = randomUUID();
        const token = await tokenOf(gateway, testCards.declined);
        const request = { token, amount: 5000, currency: 'THB', idempotencyKey: key };
        const first = await gateway.charge(request);
        assert.equal(first.outcome, 'declined');
        assert.deepEqual(await gateway.charge(request), first);
        if (fixture.countCharges) assert.equal(await fixture.countCharges(key), 0);
      });
    });

    describeRefundContract(() => gateway, fixture);
  });
}
