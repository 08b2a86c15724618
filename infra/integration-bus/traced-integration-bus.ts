import { SpanKind, context, type Attributes } from '@opentelemetry/api';
import {
  integrationHeaders,
  type DeadLetter,
  type DeliveredMessage,
  type IntegrationBus,
  type OutgoingMessage,
  type SubscribeOptions,
  type Subscription,
  type TopicSpec,
} from '../ports/integration-bus';
import { attr, contextOf, inSpan, messagingOperations, systems, traceparentOf } from '../tracing';

export type TracedIntegrationBusOptions = {
  /** `messaging.system`: `kafka`, or the in-process bus's own name. */
  readonly system: string;
};

/**
 * The IntegrationBus port with messaging spans, over either adapter. Installed only while tracing is on
 * (`integration-bus-module.ts`).
 *
 * - `publish`: one PRODUCER span (`send <topic>`, or `send` for several topics) whose context becomes
 *   each message's `traceparent` header; while it is not recorded the message keeps the header it came
 *   with (the relay's copy of the event's stored context), so a trace survives an unsampled hop.
 * - `subscribe`: each delivery handled inside a CONSUMER span (`process <topic>`), the child of the
 *   message's `traceparent`; a handler's failure is recorded on it (each attempt is a span).
 */
export class TracedIntegrationBus implements IntegrationBus {
  constructor(
    private readonly inner: IntegrationBus,
    private readonly options: TracedIntegrationBusOptions,
  ) {}

  ensureTopics(topics: readonly TopicSpec[]): Promise<void> {
    return this.inner.ensureTopics(topics);
  }

  publish(messages: readonly OutgoingMessage[]): Promise<void> {
    if (messages.length === 0) return this.inner.publish(messages);
    const topics = [...new Set(messages.map((message) => message.topic))];
    const [only] = topics;
    const name = topics.length === 1 ? `send ${only}` : 'send';
    const attributes: Attributes = {
      [attr.messagingSystem]: this.options.system,
      [attr.messagingOperationType]: messagingOperations.send,
      [attr.messagingOperationName]: 'send',
      [attr.messagingBatchMessageCount]: messages.length,
      ...(topics.length === 1 && { [attr.messagingDestinationName]: only }),
    };
    return inSpan(name, { kind: SpanKind.PRODUCER, attributes }, () => {
      const traceparent = traceparentOf(context.active());
      if (!traceparent) return this.inner.publish(messages);
      return this.inner.publish(
        messages.map((message) => ({
          ...message,
          headers: { ...message.headers, [integrationHeaders.traceparent]: traceparent },
        })),
      );
    });
  }

  subscribe(options: SubscribeOptions): Promise<Subscription> {
    const { handler, groupId } = options;
    return this.inner.subscribe({
      ...options,
      handler: (message) =>
        inSpan(
          `process ${message.topic}`,
          {
            kind: SpanKind.CONSUMER,
            parent: contextOf(message.headers[integrationHeaders.traceparent]),
            attributes: this.consumed(message, groupId),
          },
          () => handler(message),
        ),
    });
  }

  listDeadLetters(topic: string, options?: { limit?: number }): Promise<DeadLetter[]> {
    return this.inner.listDeadLetters(topic, options);
  }

  countDeadLetters(topic: string): Promise<number> {
    return this.inner.countDeadLetters(topic);
  }

  redriveDeadLetters(topic: string, options?: { limit?: number }): Promise<number> {
    return this.inner.redriveDeadLetters(topic, options);
  }

  close(): Promise<void> {
    return this.inner.close();
  }

  private consumed(message: DeliveredMessage, groupId: string): Attributes {
    const eventId = message.headers[integrationHeaders.eventId];
    return {
      [attr.messagingSystem]: this.options.system,
      [attr.messagingOperationType]: messagingOperations.process,
      [attr.messagingOperationName]: 'process',
      [attr.messagingDestinationName]: message.topic,
      [attr.messagingConsumerGroupName]: groupId,
      [attr.messagingDestinationPartitionId]: String(message.partition),
      ...(eventId !== undefined && { [attr.messagingMessageId]: eventId }),
      ...(this.options.system === systems.kafka && {
        [attr.messagingKafkaMessageKey]: message.key,
        [attr.messagingKafkaOffset]: Number(message.offset),
      }),
    };
  }
}
