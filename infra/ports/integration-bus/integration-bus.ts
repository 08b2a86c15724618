/**
 * Integration events between processes (ARCHITECTURE.md, "Kafka"). Adapters: Kafka (kafkajs) and an
 * in-process bus for the embedded mode; one contract suite runs against both.
 */

/** Header names every relayed event carries (values are strings). */
export const integrationHeaders = {
  eventId: 'event-id',
  eventType: 'event-type',
  streamId: 'stream-id',
  correlationId: 'correlation-id',
  causationId: 'causation-id',
  traceparent: 'traceparent',
} as const;

export type OutgoingMessage = {
  readonly topic: string;
  /** Partition key: the stream id, so one stream's events stay in order. */
  readonly key: string;
  /** JSON-serialisable. */
  readonly value: unknown;
  readonly headers: Readonly<Record<string, string>>;
};

export type DeliveredMessage = OutgoingMessage & {
  readonly partition: number;
  /** Offset within the partition, as a decimal string (Kafka's form). */
  readonly offset: string;
};

export type TopicSpec = { readonly name: string; readonly partitions: number };

export type RetryPolicy = {
  /** Handler calls before the message goes to the dead-letter topic (first call included). */
  readonly attempts: number;
  readonly initialDelayMs: number;
  readonly maxDelayMs: number;
};

export type SubscribeOptions = {
  /** Consumers of one group share the partitions; each group sees every message. */
  readonly groupId: string;
  readonly topics: readonly string[];
  /**
   * Called once per message, in order per partition; the offset is committed only after it resolves
   * (at-least-once: a crash before the commit delivers the message again). A handler that keeps
   * throwing past `retry.attempts` sends the message to `deadLetterTopicOf(topic)` with the error, and
   * the consumer moves on.
   */
  readonly handler: (message: DeliveredMessage) => Promise<void>;
  readonly retry?: RetryPolicy;
  /**
   * Where a new group starts: the earliest retained message (default) or the end of each partition as
   * the group first reads it (messages published while the group forms may be skipped).
   */
  readonly fromBeginning?: boolean;
};

export type Subscription = {
  /**
   * Stops fetching, waits for the message in hand, commits what is done. A handler that fails while the
   * subscription stops is not retried nor dead-lettered: its message stays uncommitted, so the next
   * subscriber of the group gets it again (a stop mid-message behaves like a crash).
   */
  stop(): Promise<void>;
};

/** A message parked on a dead-letter topic with why it failed. */
export type DeadLetter = {
  readonly deadLetterTopic: string;
  readonly partition: number;
  readonly offset: string;
  readonly originalTopic: string;
  readonly groupId: string;
  readonly error: string;
  readonly failedAt: string;
  readonly message: OutgoingMessage;
};

export interface IntegrationBus {
  /** Creates missing topics (and their dead-letter topics); existing ones are left as they are. */
  ensureTopics(topics: readonly TopicSpec[]): Promise<void>;
  /** Resolves once the broker acknowledged every message; messages of one key keep their order. */
  publish(messages: readonly OutgoingMessage[]): Promise<void>;
  /** Resolves once the subscriber joined its group. Subscribe only to topics that exist (`ensureTopics`). */
  subscribe(options: SubscribeOptions): Promise<Subscription>;
  /** Dead letters of one topic not yet re-driven, oldest first. */
  listDeadLetters(topic: string, options?: { limit?: number }): Promise<DeadLetter[]>;
  /** How many dead letters of one topic are not yet re-driven (what `listDeadLetters` would list), cheaply. */
  countDeadLetters(topic: string): Promise<number>;
  /**
   * Publishes the dead letters not yet re-driven back to their original topic (the oldest `limit` of
   * each dead-letter partition, or all) and remembers how far it went, so a second call does not
   * repeat them; returns how many went. A crash between the publish and that record re-drives again.
   */
  redriveDeadLetters(topic: string, options?: { limit?: number }): Promise<number>;
  close(): Promise<void>;
}

export const deadLetterTopicOf = (topic: string): string => `${topic}.dead-letter`;

/**
 * The consumer group whose committed offsets on a topic's dead-letter topic mark what was re-driven
 * (one per topic: Kafka's assignors do not split one group by each member's topics).
 */
export const redriveGroupOf = (topic: string): string => `integration-bus.redrive.${topic}`;
