import type { RecordedEvent } from '../../infra/ports/event-store';
import type { SqlExecutor } from '../../infra/ports/sql';
import { causedBy } from './saga-batch';
import { sagaCommandsTable } from './saga-tables';

/** Who cancelled an event and why: every booking of it is cancelled with these, whenever it arrives. */
export type EventCancellation = { readonly by: string; readonly reason: string };

export function cancellationOf(event: RecordedEvent): EventCancellation {
  const { reason } = event.data as { reason: string | null };
  const by = typeof event.metadata.userId === 'string' ? event.metadata.userId : 'system';
  return { by, reason: reason ?? 'The event was cancelled' };
}

/**
 * An organizer cancelled an event: one `CancelForEvent` command per open booking of it, written in the
 * same transaction as the checkpoint, so the fan-out survives any restart and runs to the end. Message
 * ids are `md5(<bookingId>|event-cancelled)`, as `messageIdOf` derives them.
 */
export async function scheduleEventCancellation(
  tx: SqlExecutor,
  tables: { statesTable: string; cancelledTable: string },
  event: RecordedEvent,
): Promise<{ readonly scheduled: boolean; readonly cancellation: EventCancellation }> {
  const { eventId } = event.data as { eventId: string };
  const { by, reason } = cancellationOf(event);
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
    [eventId, by, reason, JSON.stringify(causedBy(event)), event.createdAt.toISOString()],
  );
  return { scheduled: rows.length > 0, cancellation: { by, reason } };
}
