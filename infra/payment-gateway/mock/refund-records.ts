import { randomBytes } from 'node:crypto';
import { GatewayError, type RefundRequest, type RefundResult } from '../../ports/payment-gateway';
import type { SqlClient } from '../../ports/sql';
import { mockGatewayTables } from './schema';

const { charges, refunds } = mockGatewayTables;

/**
 * One refund per key, never beyond the charge: the charge's row is locked first, so concurrent refunds of
 * one charge (same key or not) take turns and each sees what the others recorded.
 */
export async function recordRefund(sql: SqlClient, request: RefundRequest): Promise<RefundResult> {
  const { chargeId, amount, currency, idempotencyKey } = request;
  return sql.transaction(async (tx) => {
    const [charge] = await tx.query<{ amount: string | number; currency: string }>(
      `SELECT amount, currency FROM ${charges} WHERE charge_id = $1 FOR UPDATE`,
      [chargeId],
    );
    if (!charge) throw new GatewayError(`no such charge ${chargeId}`, { chargeId });
    const [existing] = await tx.query<{ refund_id: string; charge_id: string; amount: string | number }>(
      `SELECT refund_id, charge_id, amount FROM ${refunds} WHERE idempotency_key = $1`,
      [idempotencyKey],
    );
    if (existing) {
      if (existing.charge_id !== chargeId || Number(existing.amount) !== amount)
        throw new GatewayError('idempotency key reused with different parameters', { idempotencyKey });
      return { refundId: existing.refund_id };
    }
    if (charge.currency !== currency)
      throw new GatewayError(`the charge is in ${charge.currency}, not ${currency}`, { chargeId });
    const [sum] = await tx.query<{ refunded: string | number }>(
      `SELECT coalesce(sum(amount), 0) AS refunded FROM ${refunds} WHERE charge_id = $1`,
      [chargeId],
    );
    const left = Number(charge.amount) - Number(sum?.refunded ?? 0);
    if (amount > left)
      throw new GatewayError(`a refund of ${amount} exceeds the ${left} left on the charge`, { chargeId });
    const refundId = `re_${randomBytes(12).toString('hex')}`;
    await tx.query(
      `INSERT INTO ${refunds} (idempotency_key, refund_id, charge_id, amount, currency) VALUES ($1, $2, $3, $4, $5)`,
      [idempotencyKey, refundId, chargeId, amount, currency],
    );
    return { refundId };
  });
}
