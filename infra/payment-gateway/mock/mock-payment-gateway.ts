import { randomBytes } from 'node:crypto';
import { setTimeout as delay } from 'node:timers/promises';
import {
  GatewayError,
  GatewayTimeoutError,
  cardBrand,
  isValidCardNumber,
  testCards,
  type ChargeRequest,
  type ChargeResult,
  type PaymentGateway,
  type RefundRequest,
  type RefundResult,
  type TokenizeResult,
} from '../../ports/payment-gateway';
import type { SqlClient } from '../../ports/sql';
import { firstChargeAnswer, recordCharge, recordDecline } from './charge-records';
import { readGatewayLedger, type GatewayLedger } from './ledger';
import { recordRefund } from './refund-records';
import { ensureMockGatewaySchema, mockGatewayTables } from './schema';

export type MockPaymentGatewayOptions = {
  /** Every call waits this long before it does anything (default 0). */
  readonly latencyMs?: number;
  /** How long a call to the never-answering card waits before it times out (default 5000). */
  readonly callTimeoutMs?: number;
};

export const defaultCallTimeoutMs = 5000;

const positiveInteger = (value: number) => Number.isSafeInteger(value) && value > 0;

/**
 * A stand-in card provider that remembers what it did in SQL tables, so a payment process may be killed
 * and restarted, and several processes on one database share one ledger. Test cards: see `testCards`.
 */
export class MockPaymentGateway implements PaymentGateway {
  private constructor(
    private readonly sql: SqlClient,
    private readonly latencyMs: number,
    readonly callTimeoutMs: number,
  ) {}

  static async open(sql: SqlClient, options: MockPaymentGatewayOptions = {}): Promise<MockPaymentGateway> {
    await ensureMockGatewaySchema(sql);
    return new MockPaymentGateway(sql, options.latencyMs ?? 0, options.callTimeoutMs ?? defaultCallTimeoutMs);
  }

  /** No latency here: a real card form tokenises in the browser, not on the payment's critical path. */
  async tokenize(cardNumber: string): Promise<TokenizeResult> {
    if (!isValidCardNumber(cardNumber)) return { ok: false, reason: 'INVALID_CARD' };
    const token = `tok_${randomBytes(12).toString('hex')}`;
    await this.sql.query(`INSERT INTO ${mockGatewayTables.vault} (token, card_number) VALUES ($1, $2)`, [
      token,
      cardNumber,
    ]);
    return { ok: true, card: { token, last4: cardNumber.slice(-4), brand: cardBrand(cardNumber) } };
  }

  async charge(request: ChargeRequest): Promise<ChargeResult> {
    await this.callDelay();
    if (!positiveInteger(request.amount) || !request.idempotencyKey)
      throw new GatewayError('a charge needs a positive integer amount and an idempotency key');
    const first = await firstChargeAnswer(this.sql, request);
    if (first) return first;
    switch (await this.cardNumberOf(request.token)) {
      case testCards.gatewayError:
        throw new GatewayError('processing error at the card issuer', { token: request.token });
      case testCards.neverAnswers:
        await delay(this.callTimeoutMs);
        throw new GatewayTimeoutError(this.callTimeoutMs);
      case testCards.declined:
        return recordDecline(this.sql, request, 'Your card was declined');
      default:
        return recordCharge(this.sql, request);
    }
  }

  async refund(request: RefundRequest): Promise<RefundResult> {
    await this.callDelay();
    if (!positiveInteger(request.amount) || !request.idempotencyKey)
      throw new GatewayError('a refund needs a positive integer amount and an idempotency key');
    return recordRefund(this.sql, request);
  }

  /** Every charge and refund this gateway's database holds (all processes on it). */
  ledger(): Promise<GatewayLedger> {
    return readGatewayLedger(this.sql);
  }

  /** Charges made under one idempotency key: 1 after any number of calls with it, 0 for a decline. */
  async countCharges(idempotencyKey: string): Promise<number> {
    return (await this.ledger()).charges.filter((c) => c.idempotencyKey === idempotencyKey).length;
  }

  async countRefunds(idempotencyKey: string): Promise<number> {
    return (await this.ledger()).refunds.filter((r) => r.idempotencyKey === idempotencyKey).length;
  }

  private async cardNumberOf(token: string): Promise<string> {
    const [row] = await this.sql.query<{ card_number: string }>(
      `SELECT card_number FROM ${mockGatewayTables.vault} WHERE token = $1`,
      [token],
    );
    if (!row) throw new GatewayError('no such card token', { token });
    return row.card_number;
  }

  private async answerDelay(): Promise<void> {
    if (this.latencyMs > 0) await delay(this.latencyMs);
  }

  /** A gateway slower than the call timeout is one that does not answer. */
  private async callDelay(): Promise<void> {
    if (this.latencyMs < this.callTimeoutMs) return this.answerDelay();
    await delay(this.callTimeoutMs);
    throw new GatewayTimeoutError(this.callTimeoutMs);
  }
}
