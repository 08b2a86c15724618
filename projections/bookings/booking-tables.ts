import type { SqlExecutor } from '../../infra/ports/sql';
import type { TableNames } from '../runner';

/** Logical name: queries read this view, which points at the active generation. */
export const bookingsTable = 'rm_bookings';

export async function setupBookingsTable(tx: SqlExecutor, tables: TableNames): Promise<void> {
  const table = tables.get(bookingsTable);
  // `status` is the last event's word: a hold past `expires_at` stays `reserved` here until the sweeper
  // appends BookingExpired; the query side reads it as expired (as `bookingView` does). `id` breaks ties
  // in the listing: byte order, so every server sorts it alike whatever its locale.
  await tx.exec(`
    CREATE TABLE ${table} (
      id text COLLATE "C" PRIMARY KEY,
      user_id text NOT NULL,
      event_id text NOT NULL,
      show_id text NOT NULL,
      zone_id text NOT NULL,
      quantity integer NOT NULL,
      unit_price bigint NOT NULL,
      total_price bigint NOT NULL,
      currency text NOT NULL,
      status text NOT NULL,
      expires_at timestamptz NOT NULL,
      reserved_at timestamptz NOT NULL,
      ended_at timestamptz,
      confirmation_code text,
      payment_id text,
      payment_status text,
      payment_failure_reason text,
      refund_due jsonb,
      refunded_amount bigint NOT NULL DEFAULT 0,
      revision bigint NOT NULL,
      updated_position bigint NOT NULL
    );
    CREATE INDEX ${table}_user_newest ON ${table} (user_id, reserved_at DESC, id);
    CREATE INDEX ${table}_user_status ON ${table} (user_id, status, reserved_at DESC, id);
    CREATE INDEX ${table}_user_holds ON ${table} (user_id, expires_at, id) WHERE status = 'reserved';`);
}
