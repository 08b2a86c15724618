// The read model of this projection, as its queries (query-side/bookings) read it: the one place its
// table, columns and row are declared, so a renamed column fails to compile on both sides.
import type { BookingPaymentView, BookingStatus, RefundDue } from '../../domain/booking';
import type { TableNames } from '../../infra/log-follower';
import type { SelectedRow, SqlExecutor } from '../../infra/ports/sql';

/** Logical name: queries read this view, which points at the active generation. */
export const bookingsTable = 'rm_bookings';

/** A row as written, keys are column names; timestamps stay text until PostgreSQL parses them. */
export type BookingRow = {
  id: string;
  user_id: string;
  event_id: string;
  show_id: string;
  zone_id: string;
  quantity: number;
  unit_price: number;
  total_price: number;
  currency: string;
  status: BookingStatus;
  expires_at: string;
  reserved_at: string;
  ended_at: string | null;
  confirmation_code: string | null;
  payment_id: string | null;
  payment_status: BookingPaymentView['status'] | null;
  payment_failure_reason: BookingPaymentView['failureReason'];
  refund_due: RefundDue | null;
  refunded_amount: number;
  /** Stream revision of the last event folded in: an event at or below it was applied already. */
  revision: number;
  /** Global position of that event. */
  updated_position: number;
};

/** A row as a query selects it. */
export type SelectedBookingRow = SelectedRow<
  BookingRow,
  'unit_price' | 'total_price' | 'refunded_amount' | 'revision' | 'updated_position',
  'expires_at' | 'reserved_at' | 'ended_at'
>;

/** Every column, in table order. */
export const bookingColumns = [
  'id',
  'user_id',
  'event_id',
  'show_id',
  'zone_id',
  'quantity',
  'unit_price',
  'total_price',
  'currency',
  'status',
  'expires_at',
  'reserved_at',
  'ended_at',
  'confirmation_code',
  'payment_id',
  'payment_status',
  'payment_failure_reason',
  'refund_due',
  'refunded_amount',
  'revision',
  'updated_position',
] as const satisfies readonly (keyof BookingRow)[];

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
