import type { EventMetadata } from '../../domain/shared';
import type { RecordedEvent } from '../../infra/ports/event-store';

/** One event of a stream as the admin stream browser shows it (API.md, Admin and audit). */
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

export function toStreamEventView(event: RecordedEvent): StreamEventView {
  return {
    eventId: event.id,
    globalPosition: event.position,
    version: event.revision,
    type: event.type,
    data: event.data,
    metadata: event.metadata,
    createdAt: event.createdAt.toISOString(),
  };
}

export function toFeedEventView(event: RecordedEvent): FeedEventView {
  return { streamId: event.streamId, ...toStreamEventView(event) };
}
