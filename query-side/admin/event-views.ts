import { isSecretStream } from '../../domain/identity';
import { redactSecrets, type EventMetadata } from '../../domain/shared';
import type { RecordedEvent } from '../../infra/ports/event-store';

/**
 * One event of a stream as the admin stream browser shows it (API.md, Admin and audit): its data and
 * metadata redacted like the audit log's (no password hash, token or card number ever leaves).
 */
export type StreamEventView = {
  /** @format uuid */
  readonly eventId: string;
  /** The event's place in the global log, the order of the feed. */
  readonly globalPosition: number;
  /** 0-based index of the event in its stream. */
  readonly version: number;
  /** The event type, e.g. `BookingReserved`. */
  readonly type: string;
  /** The event's fields (they depend on `type`); secrets read `[REDACTED]`. */
  readonly data: RecordedEventData;
  /** Who caused the event and in which request (correlation, causation, trace); secrets redacted too. */
  readonly metadata: EventMetadata;
  /** @format date-time */
  readonly createdAt: string;
};

/** The data of a stored event (not a catalog event): an object whose fields depend on its type. */
export type RecordedEventData = Readonly<Record<string, unknown>>;

/** One event of the global feed: a stream event and the stream it belongs to. */
export type FeedEventView = StreamEventView & {
  /** `<category>-<id>`, e.g. `booking-…`. */
  readonly streamId: string;
};

// Every admin read of raw events (the stream browser, the feed, the CLI's `streams show` and `feed`)
// goes through here, so this is the one place they are redacted.
export function toStreamEventView(event: RecordedEvent): StreamEventView {
  return {
    eventId: event.id,
    globalPosition: event.position,
    version: event.revision,
    type: event.type,
    // Every event the domain appends carries an object as its data.
    data: redactSecrets(event.data, { secretStream: isSecretStream(event.streamId) }) as RecordedEventData,
    metadata: redactSecrets(event.metadata) as EventMetadata,
    createdAt: event.createdAt.toISOString(),
  };
}

export function toFeedEventView(event: RecordedEvent): FeedEventView {
  return { streamId: event.streamId, ...toStreamEventView(event) };
}
