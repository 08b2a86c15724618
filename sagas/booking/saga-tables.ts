import type { SqlExecutor } from '../../infra/ports/sql';
import type { TableNames } from '../../infra/log-follower';

/** Logical names of the saga's state (one generation per saga version, like a read model's). */
export const sagaBookingsTable = 'saga_bookings';
export const sagaCancelledEventsTable = 'saga_cancelled_events';
/**
 * Scheduled commands and durable timeouts: one table shared by every generation, so a rebuilt saga that
 * decides the same things again finds their message ids already there.
 */
export const sagaCommandsTable = 'saga_commands';

const sagaCommandsDdl = `
    CREATE TABLE IF NOT EXISTS ${sagaCommandsTable} (
      message_id uuid PRIMARY KEY,
      saga_id text NOT NULL,
      key text NOT NULL,
      type text NOT NULL,
      command jsonb NOT NULL,
      metadata jsonb NOT NULL,
      due_at timestamptz NOT NULL,
      status text NOT NULL DEFAULT 'pending',
      attempts integer NOT NULL DEFAULT 0,
      leased_until timestamptz,
      last_error text,
      created_at timestamptz NOT NULL DEFAULT now(),
      finished_at timestamptz
    );
    CREATE INDEX IF NOT EXISTS ${sagaCommandsTable}_due ON ${sagaCommandsTable} (due_at) WHERE status = 'pending';
    CREATE INDEX IF NOT EXISTS ${sagaCommandsTable}_saga ON ${sagaCommandsTable} (saga_id);`;

/**
 * The commands table alone: a scheduler may start before the saga's first batch created it. Run inside a
 * transaction: `CREATE … IF NOT EXISTS` is not safe against a concurrent twin, so the DDL takes a lock
 * (held to the end of the transaction) that every creator of this table takes first.
 */
export async function ensureSagaCommandsTable(tx: SqlExecutor): Promise<void> {
  await tx.query(`SELECT pg_advisory_xact_lock(hashtext('booking-rush:saga_commands ddl'))`);
  await tx.exec(sagaCommandsDdl);
}

export async function setupSagaTables(tx: SqlExecutor, tables: TableNames): Promise<void> {
  const bookings = tables.get(sagaBookingsTable);
  const cancelled = tables.get(sagaCancelledEventsTable);
  await tx.exec(`
    CREATE TABLE ${bookings} (
      booking_id text PRIMARY KEY,
      event_id text NOT NULL,
      status text NOT NULL,
      state jsonb NOT NULL
    );
    CREATE INDEX ${bookings}_open_by_event ON ${bookings} (event_id) WHERE status IN ('reserved', 'confirmed');
    CREATE TABLE ${cancelled} (event_id text PRIMARY KEY, reason text, cancelled_by text);`);
  await ensureSagaCommandsTable(tx);
}
