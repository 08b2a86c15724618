import type { EventMetadata } from '../../domain/shared';
import type { RecordedEvent } from '../../infra/ports/event-store';
import type { SqlExecutor } from '../../infra/ports/sql';
import { traceparentFor } from '../../infra/tracing';
import type { EventCancellation } from './event-cancellation';
import { messageIdOf } from './message-ids';
import { react, type ReactOptions, type SagaInput } from './react';
import type { Scheduled } from './saga-commands';
import type { BookingSagaState } from './saga-state';

export type CommandRow = {
  message_id: string;
  saga_id: string;
  key: string;
  type: string;
  command: Scheduled['command'];
  metadata: EventMetadata;
  due_at: string;
};

/**
 * What the commands a saga schedules carry: the causal chain back to the event that decided them, and as
 * trace context the saga's own span (the follower's batch, linked to the event's), else the event's.
 */
export function causedBy(event: RecordedEvent): EventMetadata {
  const metadata: EventMetadata = {
    correlationId: event.metadata.correlationId ?? event.id,
    causationId: event.id,
    userId: 'system:booking-saga',
  };
  const traceparent = traceparentFor(event.metadata.traceparent);
  if (traceparent) metadata.traceparent = traceparent;
  return metadata;
}

/**
 * One batch of the log folded over the saga states it touches, in memory: the states to write back,
 * the commands to schedule and the pending ones to drop.
 */
export class SagaBatch {
  readonly commands: CommandRow[] = [];
  readonly cancelled: string[] = [];
  /** A command due at once was scheduled (not only timeouts): the scheduler should be woken. */
  dueNow = false;
  private readonly dirty = new Set<string>();

  constructor(
    private readonly states: Map<string, BookingSagaState>,
    private readonly options: Omit<ReactOptions, 'eventCancellation'>,
    private readonly cancellationOf: (eventId: string) => EventCancellation | null,
  ) {}

  apply(recorded: RecordedEvent, bookingId: string): void {
    const event = { type: recorded.type, data: recorded.data } as SagaInput;
    const before = this.states.get(bookingId);
    const eventId = before?.eventId ?? (event.type === 'BookingReserved' ? event.data.eventId : '');
    const reaction = react(before, event, {
      ...this.options,
      eventCancellation: this.cancellationOf(eventId),
    });
    if (reaction.state && reaction.state !== before) {
      this.states.set(bookingId, reaction.state);
      this.dirty.add(bookingId);
    }
    const metadata = causedBy(recorded);
    for (const scheduled of reaction.schedule) {
      if (scheduled.dueAt === undefined) this.dueNow = true;
      this.commands.push({
        message_id: messageIdOf(bookingId, scheduled.key),
        saga_id: bookingId,
        key: scheduled.key,
        type: scheduled.command.type,
        command: scheduled.command,
        metadata,
        due_at: scheduled.dueAt ?? recorded.createdAt.toISOString(),
      });
    }
    for (const key of reaction.cancel) this.cancelled.push(messageIdOf(bookingId, key));
  }

  /** States changed since the last call, to write back (before a query reads the table). */
  takeDirty(): BookingSagaState[] {
    const changed = [...this.dirty].map((id) => this.states.get(id)!);
    this.dirty.clear();
    return changed;
  }
}

export async function upsertStates(tx: SqlExecutor, table: string, states: readonly BookingSagaState[]) {
  if (states.length === 0) return;
  const rows = states.map((state) => ({
    booking_id: state.bookingId,
    event_id: state.eventId,
    status: state.status,
    state,
  }));
  await tx.query(
    `INSERT INTO ${table} (booking_id, event_id, status, state)
     SELECT booking_id, event_id, status, state FROM jsonb_to_recordset($1::jsonb)
       AS r(booking_id text, event_id text, status text, state jsonb)
     ON CONFLICT (booking_id) DO UPDATE SET status = EXCLUDED.status, state = EXCLUDED.state`,
    [JSON.stringify(rows)],
  );
}
