import type { RecordedEvent } from '../ports/event-store';
import { integrationHeaders, type OutgoingMessage } from '../ports/integration-bus';
import { topicOfStream } from './relay-topics';

/** What consumers receive as a message's value. */
export type IntegrationEvent<Data = unknown> = {
  readonly eventId: string;
  readonly type: string;
  readonly streamId: string;
  readonly revision: number;
  readonly position: number;
  readonly data: Data;
  readonly metadata: Record<string, unknown>;
  /** ISO 8601. */
  readonly createdAt: string;
};

/** The message for one recorded event: keyed by its stream, headers carrying ids and trace context. */
export function toIntegrationMessage(event: RecordedEvent, topic: string): OutgoingMessage {
  const value: IntegrationEvent = {
    eventId: event.id,
    type: event.type,
    streamId: event.streamId,
    revision: event.revision,
    position: event.position,
    data: event.data,
    metadata: event.metadata,
    createdAt: event.createdAt.toISOString(),
  };
  const headers: Record<string, string> = {
    [integrationHeaders.eventId]: event.id,
    [integrationHeaders.eventType]: event.type,
    [integrationHeaders.streamId]: event.streamId,
  };
  const fromMetadata = {
    [integrationHeaders.correlationId]: event.metadata.correlationId,
    [integrationHeaders.causationId]: event.metadata.causationId,
    [integrationHeaders.traceparent]: event.metadata.traceparent,
  };
  for (const [name, text] of Object.entries(fromMetadata)) {
    if (typeof text === 'string' && text !== '') headers[name] = text;
  }
  return { topic, key: event.streamId, value, headers };
}

/** The messages of a page of the log, each to its category's topic (others are not relayed). */
export function toIntegrationMessages(events: readonly RecordedEvent[], prefix: string): OutgoingMessage[] {
  return events.flatMap((event) => {
    const topic = topicOfStream(event.streamId, prefix);
    return topic ? [toIntegrationMessage(event, topic)] : [];
  });
}
