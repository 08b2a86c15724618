import { randomBytes } from 'node:crypto';
import { GatewayError, type ChargeRequest, type ChargeResult } from '../../ports/payment-gateway';
import type { SqlExecutor } from '../../ports/sql';
import { mockGatewayTables } from './schema';

const { charges, declines } = mockGatewayTables;

type AnswerRow = {
  token: string;
  amount: string | number;
  currency: string;
  charge_id: string | null;
  message: string | null;
};

/** The answer given first for this key, if any; a key reused for another charge is the caller's bug. */
export async function firstChargeAnswer(
  sql: SqlExecutor,
  request: ChargeRequest,
): Promise<ChargeResult | undefined> {
  const rows = await sql.query<AnswerRow>(
    `SELECT token, amount, currency, charge_id, NULL AS message FROM ${charges} WHERE idempotency_key = $1
     UNION ALL
     SELECT token, amount, currency, NULL, message FROM ${declines} WHERE idempotency_key = $1`,
    [request.idempotencyKey],
  );
  const row = rows[0];
  if (!row) return undefined;
  const same =
    row.token === request.token && Number(row.amount) === request.amount && row.currency === request.currency;
  if (!same)
    throw new GatewayError('idempotency key reused with different parameters', {
      idempotencyKey: request.idempotencyKey,
    });
  return row.charge_id !== null
    ? { outcome: 'succeeded', chargeId: row.charge_id }
    : { outcome: 'declined', message: row.message ?? '' };
}

/** Records the charge unless one with this key got there first; answers whichever came first. */
export async function recordCharge(sql: SqlExecutor, request: ChargeRequest): Promise<ChargeResult> {
  const { idempotencyKey, token, amount, currency } = request;
  const chargeId = `ch_${randomBytes(12).toString('hex')}`;
  await sql.query(
    `INSERT INTO ${charges} (idempotency_key, charge_id, token, amount, currency) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (idempotency_key) DO NOTHING`,
    [idempotencyKey, chargeId, token, amount, currency],
  );
  return answerOf(await firstChargeAnswer(sql, request));
}

/** Records the decline, so the key keeps answering it (and no later call with the key charges). */
export async function recordDecline(
  sql: SqlExecutor,
  request: ChargeRequest,
  message: string,
): Promise<ChargeResult> {
  const { idempotencyKey, token, amount, currency } = request;
  await sql.query(
    `INSERT INTO ${declines} (idempotency_key, token, amount, currency, message) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (idempotency_key) DO NOTHING`,
    [idempotencyKey, token, amount, currency, message],
  );
  return answerOf(await firstChargeAnswer(sql, request));
}

function answerOf(answer: ChargeResult | undefined): ChargeResult {
  if (!answer) throw new Error('The charge just recorded is missing');
  return answer;
}
