import { bookingCategory, bookingEventTypes, type BookingEvent } from '../../domain/booking';
import type { RecordedEvent } from '../../infra/ports/event-store';
import type { SqlExecutor } from '../../infra/ports/sql';
import type { SqlProjection, TableNames } from '../runner';
import { BookingsBatch } from './bookings-batch';
import { bookingColumns, bookingsTable, setupBookingsTable, type BookingRow } from './schema';

const columns = bookingColumns.join(', ');
const updateAll = bookingColumns
  .filter((column) => column !== 'id')
  .map((column) => `${column} = EXCLUDED.${column}`)
  .join(', ');

async function readRows(tx: SqlExecutor, table: string, ids: readonly string[]): Promise<BookingRow[]> {
  if (ids.length === 0) return [];
  const rows = await tx.query<{ row: BookingRow }>(
    `SELECT to_jsonb(t) AS row FROM ${table} t WHERE id = ANY($1::text[])`,
    [ids],
  );
  return rows.map(({ row }) => row);
}

/**
 * Rows as JSON in, one statement whatever the batch size. The revision guard keeps a row from going
 * back to an older state, should a batch ever be applied again.
 */
async function upsert(tx: SqlExecutor, table: string, rows: readonly BookingRow[]): Promise<void> {
  if (rows.length === 0) return;
  await tx.query(
    `INSERT INTO ${table} AS t (${columns})
     SELECT ${columns} FROM jsonb_populate_recordset(NULL::${table}, $1::jsonb)
     ON CONFLICT (id) DO UPDATE SET ${updateAll} WHERE t.revision < EXCLUDED.revision`,
    [JSON.stringify(rows)],
  );
}

const known = new Set<string>(bookingEventTypes);

async function apply(tx: SqlExecutor, recorded: readonly RecordedEvent[], tables: TableNames): Promise<void> {
  const table = tables.get(bookingsTable);
  const events = recorded
    .filter((event) => known.has(event.type))
    .map((event) => ({
      event: { type: event.type, data: event.data } as BookingEvent,
      revision: event.revision,
      position: event.position,
    }));
  const ids = [...new Set(events.map(({ event }) => event.data.bookingId))];
  const batch = new BookingsBatch(await readRows(tx, table, ids));
  for (const event of events) batch.apply(event);
  await upsert(tx, table, batch.changedRows());
}

/**
 * One row per booking (API.md, Bookings): a user's bookings newest first, by status, and their live
 * holds. `GET /bookings/:id` reads the event stream instead, so a client always sees its own write.
 */
export const bookingsProjection: SqlProjection = {
  name: 'bookings',
  version: 2,
  tables: [bookingsTable],
  filter: { categories: [bookingCategory], types: bookingEventTypes },
  setup: setupBookingsTable,
  apply,
};
