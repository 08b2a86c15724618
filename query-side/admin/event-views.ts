import { isSecretStream } from '../../domain/identity';
import { redactSecrets, type EventMetadata } from '../../domain/shared';
import type { RecordedEvent } from '../../infra/ports/event-store';

/**
 * One event of a stream as the admin stream browser shows it (API.md, Admin and audit): its data and
 * metadata redacted like the audit log's (no password hash, token or card number ever leaves).
 */
export type StreamEventView = {
  readonly eventId: string;
  readonly globalPosition: number;
  /** 0-based index of the event in its stream. */
  readonly version: number;
  readonly type: string;
  readonly data: unknown;
  readonly metadata: EventMetadata;
  readonly createdAt: string;
};

/** One event of the global feed: a stream event and the stream it belongs to. */
export type FeedEventView = StreamEventView & { readonly streamId: string };

// Every admin read of raw events (the stream browser, the feed, the CLI's `streams show` and `feed`)
// goes through here, so this is the one place they are redacted.
export function toStreamEventView(event: RecordedEvent): StreamEventView {
  return {
    eventId: event.id,
    globalPosition: event.position,
    version: event.revision,
    type: event.type,
    data: redactSecrets(event.data, { secretStream: isSecretStream(event.streamId) }),
    metadata: redactSecrets(event.metadata) as EventMetadata,
    createdAt: event.createdAt.toISOString(),
  };
}

export function toFeedEventView(event: RecordedEvent): FeedEventView {
  return { streamId: event.streamId, ...toStreamEventView(event) };
}
