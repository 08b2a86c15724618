import { notificationsCollection } from '../../sagas/notifications';
import type { SqlClient } from '../../infra/ports/sql';
import type { VariantSession } from './variant-session';
import type { WaveBooking } from './wave-analysis';

/**
 * The wave's bookings as the log tells them: every `BookingReserved` of the sale with its hold's due
 * time, and its `BookingExpired` (when and where in the log), if any.
 */
export async function readWaveBookings(sql: SqlClient, eventId: string): Promise<WaveBooking[]> {
  const rows = await sql.query<{
    booking_id: string;
    due_at: number;
    expired_at: number | null;
    expired_position: string | null;
  }>(
    `SELECT r.data->>'bookingId' AS booking_id,
            extract(epoch FROM (r.data->>'expiresAt')::timestamptz)::float8 * 1000 AS due_at,
            extract(epoch FROM x.created_at)::float8 * 1000 AS expired_at,
            x.position::text AS expired_position
       FROM es_events r
       LEFT JOIN es_events x ON x.stream_id = r.stream_id AND x.type = 'BookingExpired'
      WHERE r.type = 'BookingReserved' AND r.data->>'eventId' = $1`,
    [eventId],
  );
  return rows.map((row) => ({
    bookingId: row.booking_id,
    dueAt: row.due_at,
    ...(row.expired_at === null
      ? {}
      : { expiredAt: row.expired_at, expiredPosition: Number(row.expired_position) }),
  }));
}

/** The saga's scheduled commands whose time has come and that have not run. */
export async function dueSagaCommands(sql: SqlClient): Promise<number> {
  const [row] = await sql.query<{ due: number }>(
    `SELECT count(*)::int AS due FROM saga_commands WHERE status = 'pending' AND due_at <= now()`,
  );
  return row?.due ?? 0;
}

/**
 * Notifications the notifier gave up on: from their collection in FerretDB, or (documents in the
 * process's memory) through the admin API of the process that runs the notifier; undefined when
 * neither answers.
 */
export async function failedNotifications(session: VariantSession): Promise<number | undefined> {
  if (session.documents) {
    const failed = await session.documents.collection(notificationsCollection).find({ status: 'failed' });
    return failed.length;
  }
  const response = await fetch(`${session.api.url}/api/v1/admin/notifications?status=failed&limit=500`, {
    headers: { authorization: `Bearer ${session.readToken}` },
    signal: AbortSignal.timeout(10_000),
  }).catch(() => undefined);
  if (!response?.ok) return undefined;
  const body = (await response.json()) as { data: unknown[] };
  return body.data.length;
}
