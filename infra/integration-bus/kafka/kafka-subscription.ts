import type { Consumer, EachBatchPayload, Kafka, KafkaMessage, Producer } from 'kafkajs';
import type { Logger } from '../../logging';
import {
  defaultRetryPolicy,
  deliverWithRetry,
  toDeadLetterMessage,
  type SubscribeOptions,
  type Subscription,
} from '../../ports/integration-bus';
import { decodeMessage, encodeMessage, nextOffset } from './kafka-codec';
import type { KafkaConsumerTuning } from './kafka-options';
import { within } from './kafka-unavailable';

/**
 * One consumer of a group. Offsets are committed by hand once per batch kafkajs fetched, past the last
 * message whose handler finished (or that went to the dead-letter topic), never ahead of the work:
 * kafkajs's auto-commit would also commit what a stopping consumer left unfinished. A commit per message
 * (a broker round trip each) held a busy group to that round trip's rate; a crash now redelivers the
 * handled part of a batch, which at-least-once handlers tolerate.
 */
export class KafkaSubscription implements Subscription {
  private readonly abort = new AbortController();
  /** Per partition, the last handled message whose offset is not committed yet. */
  private readonly uncommitted = new Map<string, { topic: string; partition: number; offset: string }>();

  private constructor(
    private readonly consumer: Consumer,
    private readonly producer: Producer,
    private readonly options: SubscribeOptions,
    private readonly logger: Logger,
  ) {}

  static async start(
    kafka: Kafka,
    producer: Producer,
    options: SubscribeOptions,
    tuning: KafkaConsumerTuning,
    logger: Logger,
  ): Promise<KafkaSubscription> {
    const consumer = kafka.consumer({
      groupId: options.groupId,
      allowAutoTopicCreation: false,
      sessionTimeout: tuning.sessionTimeoutMs,
      heartbeatInterval: tuning.heartbeatIntervalMs,
      rebalanceTimeout: tuning.rebalanceTimeoutMs,
      maxWaitTimeInMs: tuning.maxWaitTimeMs,
    });
    const subscription = new KafkaSubscription(consumer, producer, options, logger);
    const joined = new Promise<void>((resolve) => consumer.on(consumer.events.GROUP_JOIN, () => resolve()));
    try {
      await consumer.connect();
      await consumer.subscribe({ topics: [...options.topics], fromBeginning: options.fromBeginning ?? true });
      await consumer.run({
        autoCommit: false,
        eachBatchAutoResolve: false,
        partitionsConsumedConcurrently: tuning.partitionsConsumedConcurrently,
        eachBatch: (payload) => subscription.onBatch(payload),
      });
      await within(
        joined,
        tuning.joinTimeoutMs,
        () => new Error(`group ${options.groupId} did not form in time`),
      );
    } catch (error) {
      await consumer.disconnect().catch(() => {});
      throw error;
    }
    return subscription;
  }

  async stop(): Promise<void> {
    this.abort.abort();
    // kafkajs drops commits once the consumer is stopping: commit what is handled while it still runs.
    await Promise.all(
      [...this.uncommitted.values()].map((at) => this.commit(at.topic, at.partition, at.offset)),
    );
    // Waits for the batch in hand to stop after its current message, then leaves the group.
    await this.consumer.disconnect();
  }

  private async onBatch({
    batch,
    heartbeat,
    isRunning,
    isStale,
    resolveOffset,
  }: EachBatchPayload): Promise<void> {
    const { topic, partition } = batch;
    let handled: string | undefined;
    try {
      for (const message of batch.messages) {
        if (this.abort.signal.aborted || !isRunning() || isStale()) break;
        if (!(await this.deliver(topic, partition, message, heartbeat))) break;
        handled = message.offset;
        this.uncommitted.set(`${topic}:${partition}`, { topic, partition, offset: message.offset });
        // kafkajs fetches the next batch after the last resolved offset.
        resolveOffset(message.offset);
        await heartbeat().catch(() => {});
      }
    } finally {
      if (handled !== undefined) await this.commit(topic, partition, handled);
    }
  }

  /** A commit that fails (a rebalance took the partition, the broker is away) leaves redelivery to do. */
  private async commit(topic: string, partition: number, offset: string): Promise<void> {
    try {
      await this.consumer.commitOffsets([{ topic, partition, offset: nextOffset(offset) }]);
      const key = `${topic}:${partition}`;
      if (this.uncommitted.get(key)?.offset === offset) this.uncommitted.delete(key);
    } catch (error) {
      this.logger.warn('integration offsets not committed; the messages will be delivered again', {
        groupId: this.options.groupId,
        topic,
        partition,
        error: error instanceof Error ? error.message : String(error),
      });
    }
  }

  /** True once the message is done with (handled, or dead-lettered); false when the stop interrupted it. */
  private async deliver(
    topic: string,
    partition: number,
    message: KafkaMessage,
    heartbeat: () => Promise<void>,
  ): Promise<boolean> {
    const delivered = decodeMessage(topic, partition, message);
    const { groupId } = this.options;
    const outcome = await deliverWithRetry(delivered, this.options.handler, {
      retry: this.options.retry ?? defaultRetryPolicy,
      signal: this.abort.signal,
      whileWaiting: () => heartbeat().catch(() => {}),
      onAttemptFailed: (failure) =>
        this.logger.warn('integration message handler failed', { groupId, topic, partition, ...failure }),
    });
    if (outcome.kind === 'interrupted') return false;
    if (outcome.kind === 'failed') {
      const deadLetter = toDeadLetterMessage(delivered, {
        groupId,
        error: outcome.error,
        failedAt: new Date(),
      });
      await this.producer.send({ topic: deadLetter.topic, messages: [encodeMessage(deadLetter)], acks: -1 });
      this.logger.error('integration message dead-lettered', {
        groupId,
        topic,
        partition,
        error: outcome.error,
      });
    }
    return true;
  }
}
