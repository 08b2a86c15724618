import type { RecordedEvent } from '../../infra/ports/event-store';
import type { SqlExecutor } from '../../infra/ports/sql';
import { causedBy } from './saga-batch';
import { sagaCommandsTable } from './saga-tables';

/**
 * An organizer cancelled an event: one `CancelForEvent` command per open booking of it, written in the
 * same transaction as the checkpoint, so the fan-out survives any restart and runs to the end. Message
 * ids are `md5(<bookingId>|event-cancelled)`, as `messageIdOf` derives them.
 */
export async function scheduleEventCancellation(
  tx: SqlExecutor,
  tables: { statesTable: string; cancelledTable: string },
  event: RecordedEvent,
): Promise<boolean> {
  const { eventId, reason } = event.data as { eventId: string; reason: string | null };
  const by = typeof event.metadata.userId === 'string' ? event.metadata.userId : 'system';
  await tx.query(
    `INSERT INTO ${tables.cancelledTable} (event_id, reason, cancelled_by) VALUES ($1, $2, $3)
     ON CONFLICT (event_id) DO NOTHING`,
    [eventId, reason, by],
  );
  const rows = await tx.query(
    `INSERT INTO ${sagaCommandsTable} (message_id, saga_id, key, type, command, metadata, due_at)
     SELECT md5(booking_id || '|event-cancelled')::uuid, booking_id, 'event-cancelled', 'CancelForEvent',
            jsonb_build_object('type', 'CancelForEvent', 'bookingId', booking_id, 'by', $2::text, 'reason', $3::text),
            $4::jsonb, $5::timestamptz
     FROM ${tables.statesTable} WHERE event_id = $1 AND status IN ('reserved', 'confirmed')
     ON CONFLICT (message_id) DO NOTHING
     RETURNING message_id`,
    [
      eventId,
      by,
      reason ?? 'The event was cancelled',
      JSON.stringify(causedBy(event)),
      event.createdAt.toISOString(),
    ],
  );
  return rows.length > 0;
}
