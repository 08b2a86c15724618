import type { Position, RecordedEvent as ClientRecordedEvent } from '@kurrent/kurrentdb-client';
import type { EventMetadata } from '../../../domain/shared';
import type { RecordedEvent } from '../../ports/event-store';
import { formatKurrentCheckpoint } from './checkpoint';

/** An event as the client reads it, with its $all position known. */
export type PositionedEvent = ClientRecordedEvent & { readonly position: Position };

// Servers before 22.6 report no position on stream reads; gRPC carries "unknown" as the largest u64.
const unknownPosition = 2n ** 64n - 1n;

/** Events in system streams (`$…`) and system event types (`$>` links, `$metadata`, …) are not ours. */
export function isSystemEvent(event: { readonly streamId: string; readonly type: string }): boolean {
  return event.streamId.startsWith('$') || event.type.startsWith('$');
}

/** Reads every event of a client read; links are not resolved, so each entry holds its own event. */
export async function collectEvents(
  read: AsyncIterable<{ readonly event?: ClientRecordedEvent }>,
): Promise<PositionedEvent[]> {
  const events: PositionedEvent[] = [];
  for await (const resolved of read) {
    if (resolved.event) events.push(withPosition(resolved.event));
  }
  return events;
}

/** The position, unless the server reported none (absent, or "unknown" as the largest u64). */
export function knownPosition(position: Position | undefined): Position | undefined {
  return position && position.commit !== unknownPosition ? position : undefined;
}

function withPosition(event: ClientRecordedEvent): PositionedEvent {
  const position = knownPosition(event.position);
  if (!position) {
    throw new Error(
      `KurrentDB reported no log position for ${event.streamId}@${event.revision}; KurrentDB or EventStoreDB 22.10 or later is required`,
    );
  }
  return { ...event, position };
}

export function toRecordedEvent(event: PositionedEvent): RecordedEvent {
  const metadata = isJsonObject(event.metadata) ? (event.metadata as EventMetadata) : {};
  return {
    id: event.id,
    streamId: event.streamId,
    type: event.type,
    data: event.data,
    metadata: { eventId: event.id, ...metadata },
    revision: Number(event.revision),
    position: Number(event.position.commit),
    checkpoint: formatKurrentCheckpoint(event.position),
    createdAt: event.created,
  };
}

function isJsonObject(value: unknown): boolean {
  return (
    typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Uint8Array)
  );
}
