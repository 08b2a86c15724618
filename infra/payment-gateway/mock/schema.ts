import type { SqlClient } from '../../ports/sql';

/** The mock provider's own records; several payment processes on one database share them. */
export const mockGatewayTables = {
  vault: 'mock_gateway_vault',
  charges: 'mock_gateway_charges',
  declines: 'mock_gateway_declines',
  refunds: 'mock_gateway_refunds',
} as const;

const { vault, charges, declines, refunds } = mockGatewayTables;

const ddl = `
  CREATE TABLE IF NOT EXISTS ${vault} (
    token text PRIMARY KEY,
    card_number text NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now()
  );
  CREATE TABLE IF NOT EXISTS ${charges} (
    idempotency_key text PRIMARY KEY,
    charge_id text NOT NULL UNIQUE,
    token text NOT NULL,
    amount bigint NOT NULL,
    currency text NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now()
  );
  CREATE TABLE IF NOT EXISTS ${declines} (
    idempotency_key text PRIMARY KEY,
    token text NOT NULL,
    amount bigint NOT NULL,
    currency text NOT NULL,
    message text NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now()
  );
  CREATE TABLE IF NOT EXISTS ${refunds} (
    idempotency_key text PRIMARY KEY,
    refund_id text NOT NULL UNIQUE,
    charge_id text NOT NULL REFERENCES ${charges} (charge_id),
    amount bigint NOT NULL,
    currency text NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now()
  );
  CREATE INDEX IF NOT EXISTS ${refunds}_charge ON ${refunds} (charge_id);`;

/** Creates the tables once; processes starting together take turns (IF NOT EXISTS alone can race). */
export async function ensureMockGatewaySchema(sql: SqlClient): Promise<void> {
  await sql.transaction(async (tx) => {
    await tx.query("SELECT pg_advisory_xact_lock(hashtext('mock_gateway_schema'))");
    await tx.exec(ddl);
  });
}
