import { bookingCategory, bookingEventTypes } from '../../domain/booking';
import { eventCategory } from '../../domain/catalog';
import { paymentCategory, paymentEventTypes } from '../../domain/payment';
import { categoryOf, type RecordedEvent } from '../../infra/ports/event-store';
import type { SqlExecutor } from '../../infra/ports/sql';
import type { Metrics } from '../../infra/ports/metrics';
import { SagaBatch, upsertStates, type CommandRow } from './saga-batch';
import { bookingSagaCategory } from './saga-events';
import type { SqlProjection, TableNames } from '../../infra/log-follower';
import type { BookingSagaState } from './saga-state';
import {
  sagaBookingsTable,
  sagaCancelledEventsTable,
  sagaCommandsTable,
  setupSagaTables,
} from './saga-tables';
import { scheduleEventCancellation, type EventCancellation } from './event-cancellation';

/** The channel a scheduler listens on: notified (on commit) when a batch scheduled commands. */
export const sagaCommandsChannel = 'saga_commands';

const bookingIdOf = (event: RecordedEvent): string | undefined => {
  const data = event.data as { bookingId?: unknown };
  return typeof data.bookingId === 'string' ? data.bookingId : undefined;
};

async function loadStates(tx: SqlExecutor, table: string, ids: readonly string[]) {
  const rows = ids.length
    ? await tx.query<{ state: BookingSagaState }>(
        `SELECT state FROM ${table} WHERE booking_id = ANY($1::text[])`,
        [ids],
      )
    : [];
  return new Map(rows.map(({ state }) => [state.bookingId, state]));
}

/** Inserts the commands not scheduled before (a redelivered event schedules nothing new); their types. */
async function insertCommands(tx: SqlExecutor, rows: readonly CommandRow[]): Promise<string[]> {
  if (rows.length === 0) return [];
  const inserted = await tx.query<{ type: string }>(
    `INSERT INTO ${sagaCommandsTable} (message_id, saga_id, key, type, command, metadata, due_at)
     SELECT message_id, saga_id, key, type, command, metadata, due_at FROM jsonb_to_recordset($1::jsonb)
       AS r(message_id uuid, saga_id text, key text, type text, command jsonb, metadata jsonb, due_at timestamptz)
     ON CONFLICT (message_id) DO NOTHING
     RETURNING type`,
    [JSON.stringify(rows)],
  );
  return inserted.map((row) => row.type);
}

export type BookingSagaOptions = {
  /** After a hold's expiry, how long before the saga's own timeout expires it (the sweeper's backstop). */
  readonly expiryGraceMs: number;
  /** Where the commands it schedules are counted (a batch that rolls back and is retried counts twice). */
  readonly metrics?: Pick<Metrics, 'sagaCommand'>;
};

/**
 * The booking process manager, fed from the log like a read model: each batch's state changes, the
 * commands it schedules (durable rows with a due time and a stable message id) and its checkpoint
 * commit together, so a restart loses nothing and a redelivered event decides nothing new.
 */
export function bookingSagaProjection(options: BookingSagaOptions): SqlProjection {
  async function apply(tx: SqlExecutor, events: readonly RecordedEvent[], tables: TableNames) {
    const statesTable = tables.get(sagaBookingsTable);
    const cancelledTable = tables.get(sagaCancelledEventsTable);
    const ids = [...new Set(events.map(bookingIdOf).filter((id): id is string => id !== undefined))];
    const states = await loadStates(tx, statesTable, ids);
    const cancelledRows = await tx.query<{ event_id: string; reason: string; cancelled_by: string }>(
      `SELECT event_id, reason, cancelled_by FROM ${cancelledTable}`,
    );
    const cancelledEvents = new Map<string, EventCancellation>(
      cancelledRows.map((row) => [row.event_id, { by: row.cancelled_by, reason: row.reason }]),
    );
    const batch = new SagaBatch(states, options, (eventId) => cancelledEvents.get(eventId) ?? null);
    let notify = false;
    for (const event of events) {
      if (categoryOf(event.streamId) === eventCategory) {
        if (event.type !== 'EventCancelled') continue;
        await upsertStates(tx, statesTable, batch.takeDirty());
        const { scheduled, cancellation } = await scheduleEventCancellation(
          tx,
          { statesTable, cancelledTable },
          event,
        );
        notify = scheduled || notify;
        cancelledEvents.set((event.data as { eventId: string }).eventId, cancellation);
        continue;
      }
      const bookingId = bookingIdOf(event);
      if (bookingId) batch.apply(event, bookingId);
    }
    await upsertStates(tx, statesTable, batch.takeDirty());
    const scheduled = await insertCommands(tx, batch.commands);
    for (const type of scheduled) options.metrics?.sagaCommand(type, 'scheduled');
    if (batch.cancelled.length > 0)
      await tx.query(
        `UPDATE ${sagaCommandsTable} SET status = 'skipped', finished_at = now()
         WHERE message_id = ANY($1::uuid[]) AND status = 'pending'`,
        [batch.cancelled],
      );
    // Timeouts alone need no wake-up: the scheduler looks up the next due time each time it sleeps, and
    // a rush would otherwise wake it once per batch for holds due ten minutes later.
    if (notify || batch.dueNow) await tx.query(`SELECT pg_notify($1, '')`, [sagaCommandsChannel]);
  }

  return {
    name: 'booking-saga',
    version: 1,
    tables: [sagaBookingsTable, sagaCancelledEventsTable],
    filter: {
      categories: [bookingCategory, paymentCategory, bookingSagaCategory, eventCategory],
      types: [...bookingEventTypes, ...paymentEventTypes, 'ConfirmationRefused', 'EventCancelled'],
    },
    setup: setupSagaTables,
    apply,
  };
}
