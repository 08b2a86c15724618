import {
  bookingStreamId,
  bookingView,
  type BookingEvent,
  type BookingStatus,
  type BookingView,
} from '../../domain/booking';
import type { EventStore } from '../../infra/ports/event-store';
import type { SqlExecutor } from '../../infra/ports/sql';
import {
  bookingColumns,
  bookingsTable as view,
  type SelectedBookingRow,
} from '../../projections/bookings/schema';
import { toBookingView } from './read-model';

const columns = bookingColumns.join(', ');

export type BookingListQuery = {
  readonly userId: string;
  readonly status?: BookingStatus;
  readonly page: number;
  readonly pageSize: number;
  readonly now: Date;
};

/**
 * The filter as the client sees statuses: a hold past its expiry is `expired` whatever the row says, so
 * `reserved` means live holds and `expired` includes the lapsed ones the sweeper has not written yet.
 */
function statusFilter(status: BookingStatus | undefined, now: Date): { where: string; params: unknown[] } {
  switch (status) {
    case undefined:
      return { where: '', params: [] };
    case 'reserved':
      return { where: `AND status = 'reserved' AND expires_at > $2`, params: [now.toISOString()] };
    case 'expired':
      return {
        where: `AND (status = 'expired' OR (status = 'reserved' AND expires_at <= $2))`,
        params: [now.toISOString()],
      };
    default:
      return { where: 'AND status = $2', params: [status] };
  }
}

/** One user's bookings, newest first (then by id), one page of them and how many there are in all. */
export async function listUserBookings(
  db: SqlExecutor,
  query: BookingListQuery,
): Promise<{ items: BookingView[]; total: number }> {
  const filter = statusFilter(query.status, query.now);
  const where = `user_id = $1 ${filter.where}`;
  const params = [query.userId, ...filter.params];
  const [count] = await db.query<{ total: number | string }>(
    `SELECT count(*) AS total FROM ${view} WHERE ${where}`,
    params,
  );
  const limit = params.length + 1;
  const rows = await db.query<SelectedBookingRow>(
    `SELECT ${columns} FROM ${view} WHERE ${where}
     ORDER BY reserved_at DESC, id LIMIT $${limit} OFFSET $${limit + 1}`,
    [...params, query.pageSize, (query.page - 1) * query.pageSize],
  );
  return { items: rows.map((row) => toBookingView(row, query.now)), total: Number(count?.total ?? 0) };
}

/** One user's live holds (reserved, not yet past expiry), the one expiring soonest first. */
export async function listLiveHolds(db: SqlExecutor, userId: string, now: Date): Promise<BookingView[]> {
  const rows = await db.query<SelectedBookingRow>(
    `SELECT ${columns} FROM ${view}
     WHERE user_id = $1 AND status = 'reserved' AND expires_at > $2
     ORDER BY expires_at, id`,
    [userId, now.toISOString()],
  );
  return rows.map((row) => toBookingView(row, now));
}

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const pageSize = 100;

/**
 * One booking folded from its own stream, not from the read model: a client reading right after its
 * own write sees it, whatever the projection's lag. Undefined for an unknown id or one that is not a
 * booking id at all (never a stream name the store would refuse).
 */
export async function readBooking(
  store: EventStore,
  bookingId: string,
  now: Date,
): Promise<BookingView | undefined> {
  if (!uuidPattern.test(bookingId)) return undefined;
  const streamId = bookingStreamId(bookingId);
  const events: BookingEvent[] = [];
  for (;;) {
    const page = await store.readStream(streamId, { fromRevision: events.length, limit: pageSize });
    for (const { type, data } of page) events.push({ type, data } as BookingEvent);
    if (page.length < pageSize) return bookingView(events, now);
  }
}
