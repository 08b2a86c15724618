import type { CardRef } from '../../../domain/payment';

export type TokenizeResult =
  { readonly ok: true; readonly card: CardRef } | { readonly ok: false; readonly reason: 'INVALID_CARD' };

export type ChargeRequest = {
  /** A vault token from `tokenize`. */
  readonly token: string;
  /** Minor units of `currency`; a positive integer. */
  readonly amount: number;
  readonly currency: string;
  /** The same key always gets the first answer back and never charges twice. */
  readonly idempotencyKey: string;
};

export type ChargeResult =
  | { readonly outcome: 'succeeded'; readonly chargeId: string }
  | { readonly outcome: 'declined'; readonly message: string };

export type RefundRequest = {
  readonly chargeId: string;
  /** Minor units; refunds of one charge never add up to more than it. */
  readonly amount: number;
  readonly currency: string;
  /** The same key always gets the first answer back and never refunds twice. */
  readonly idempotencyKey: string;
};

export type RefundResult = { readonly refundId: string };

/**
 * A card payment provider. `charge` and `refund` throw `GatewayError` when the gateway answers with an
 * error and `GatewayTimeoutError` when it does not answer in time: both are worth retrying with the same
 * idempotency key. A declined card is an answer, not an error.
 */
export interface PaymentGateway {
  /** Card number in, vault token out (the number never leaves the vault again). */
  tokenize(cardNumber: string): Promise<TokenizeResult>;
  charge(request: ChargeRequest): Promise<ChargeResult>;
  refund(request: RefundRequest): Promise<RefundResult>;
}
