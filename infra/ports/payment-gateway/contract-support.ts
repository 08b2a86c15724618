import assert from 'node:assert/strict';
import type { PaymentGateway } from './payment-gateway';

export type PaymentGatewayFixture = {
  open(): Promise<{ readonly gateway: PaymentGateway; close(): Promise<void> }>;
  /** The call timeout the opened gateway uses; keep it short. */
  readonly callTimeoutMs: number;
  /** What the gateway's own records say it did for a key, when the adapter can tell (proves "once"). */
  readonly countCharges?: (idempotencyKey: string) => Promise<number>;
  readonly countRefunds?: (idempotencyKey: string) => Promise<number>;
};

/** The vault token of a card number the test expects to be valid. */
export async function tokenOf(gateway: PaymentGateway, cardNumber: string): Promise<string> {
  const result = await gateway.tokenize(cardNumber);
  assert.ok(result.ok, `${cardNumber} should tokenize`);
  return result.card.token;
}
