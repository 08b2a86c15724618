import type { SqlExecutor } from '../../ports/sql';
import { mockGatewayTables } from './schema';

export type LedgerCharge = {
  readonly idempotencyKey: string;
  readonly chargeId: string;
  readonly amount: number;
  readonly currency: string;
};

export type LedgerRefund = {
  readonly idempotencyKey: string;
  readonly refundId: string;
  readonly chargeId: string;
  readonly amount: number;
  readonly currency: string;
};

/** Money the mock gateway moved: what tests read to prove "never charged twice, never refunded twice". */
export type GatewayLedger = { readonly charges: LedgerCharge[]; readonly refunds: LedgerRefund[] };

type ChargeRow = { idempotency_key: string; charge_id: string; amount: string | number; currency: string };
type RefundRow = ChargeRow & { refund_id: string };

/** Every charge and refund, oldest first. */
export async function readGatewayLedger(sql: SqlExecutor): Promise<GatewayLedger> {
  const charges = await sql.query<ChargeRow>(
    `SELECT idempotency_key, charge_id, amount, currency FROM ${mockGatewayTables.charges} ORDER BY created_at, charge_id`,
  );
  const refunds = await sql.query<RefundRow>(
    `SELECT idempotency_key, refund_id, charge_id, amount, currency FROM ${mockGatewayTables.refunds} ORDER BY created_at, refund_id`,
  );
  return {
    charges: charges.map((row) => ({
      idempotencyKey: row.idempotency_key,
      chargeId: row.charge_id,
      amount: Number(row.amount),
      currency: row.currency,
    })),
    refunds: refunds.map((row) => ({
      idempotencyKey: row.idempotency_key,
      refundId: row.refund_id,
      chargeId: row.charge_id,
      amount: Number(row.amount),
      currency: row.currency,
    })),
  };
}
