import type { EventMetadata } from '../../domain/shared';

/** The value of an integration message as the relay publishes it: one stored event. */
export type RelayedEvent = {
  readonly eventId: string;
  readonly type: string;
  readonly streamId: string;
  readonly revision: number;
  readonly data: unknown;
  readonly metadata: EventMetadata;
};

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Checks a message value's shape; a value that is not a relayed event is a poison message (throws). */
export function parseRelayedEvent(value: unknown): RelayedEvent {
  if (
    !isRecord(value) ||
    typeof value.eventId !== 'string' ||
    typeof value.type !== 'string' ||
    typeof value.streamId !== 'string' ||
    typeof value.revision !== 'number' ||
    !isRecord(value.data)
  )
    throw new TypeError(`Not a relayed event: ${JSON.stringify(value)?.slice(0, 200)}`);
  const metadata = isRecord(value.metadata) ? (value.metadata as EventMetadata) : {};
  const { eventId, type, streamId, revision, data } = value;
  return { eventId, type, streamId, revision, data, metadata };
}
