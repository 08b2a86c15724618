import type { Consumer, EachMessagePayload, Kafka, Producer } from 'kafkajs';
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
 * One consumer of a group. Offsets are committed by hand after each message's handler (or its trip to
 * the dead-letter topic), never ahead of the work: kafkajs's auto-commit would also commit what a
 * stopping consumer left unfinished.
 */
export class KafkaSubscription implements Subscription {
  private readonly abort = new AbortController();

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
        partitionsConsumedConcurrently: tuning.partitionsConsumedConcurrently,
        eachMessage: (payload) => subscription.onMessage(payload),
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
    // Waits for the message in hand (kafkajs finishes eachMessage), then leaves the group.
    await this.consumer.disconnect();
  }

  private async onMessage({ topic, partition, message, heartbeat }: EachMessagePayload): Promise<void> {
    if (this.abort.signal.aborted) return;
    const delivered = decodeMessage(topic, partition, message);
    const { groupId } = this.options;
    const outcome = await deliverWithRetry(delivered, this.options.handler, {
      retry: this.options.retry ?? defaultRetryPolicy,
      signal: this.abort.signal,
      whileWaiting: () => heartbeat().catch(() => {}),
      onAttemptFailed: (failure) =>
        this.logger.warn('integration message handler failed', { groupId, topic, partition, ...failure }),
    });
    if (outcome.kind === 'interrupted') return;
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
    await this.consumer.commitOffsets([{ topic, partition, offset: nextOffset(message.offset) }]);
  }
}
