import type { SqlClient } from '../../infra/ports/sql';

/** One row per projection: where it stands, which generation is live and how a rebuild is going. */
const createStateTable = `
CREATE TABLE IF NOT EXISTS projection_state (
  name text PRIMARY KEY,
  version integer NOT NULL,
  generation integer NOT NULL,
  checkpoint text NOT NULL DEFAULT '',
  position bigint NOT NULL DEFAULT 0,
  status text NOT NULL DEFAULT 'catching-up',
  error text,
  rebuild_generation integer,
  rebuild_version integer,
  rebuild_checkpoint text,
  rebuild_processed bigint,
  rebuild_total bigint,
  rebuild_started_at timestamptz,
  updated_at timestamptz NOT NULL DEFAULT now()
)`;

// Concurrent CREATE TABLE IF NOT EXISTS can still collide in the catalog; serialise it.
const schemaLock = `SELECT pg_advisory_xact_lock(hashtextextended('projection_state:schema', 0))`;

export async function ensureStateTable(sql: SqlClient): Promise<void> {
  await sql.transaction(async (tx) => {
    await tx.query(schemaLock);
    await tx.exec(createStateTable);
  });
}

export async function stateTableExists(sql: SqlClient): Promise<boolean> {
  const rows = await sql.query<{ found: boolean }>(
    `SELECT to_regclass('projection_state') IS NOT NULL AS found`,
  );
  return rows[0]?.found === true;
}
