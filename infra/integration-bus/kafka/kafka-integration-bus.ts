import { Kafka, logLevel, type Admin, type Producer } from 'kafkajs';
import type { Logger } from '../../logging';
import {
  firstPerPartition,
  oldestFirst,
  type DeadLetter,
  type IntegrationBus,
  type OutgoingMessage,
  type SubscribeOptions,
  type Subscription,
  type TopicSpec,
} from '../../ports/integration-bus';
import { encodeMessage } from './kafka-codec';
import {
  countPendingDeadLetters,
  readPendingDeadLetters,
  redrivePendingDeadLetters,
} from './kafka-dead-letters';
import {
  defaultConsumerTuning,
  type KafkaConsumerTuning,
  type KafkaIntegrationBusOptions,
} from './kafka-options';
import { ensureKafkaTopics } from './kafka-topics';
import { KafkaUnavailableError, within } from './kafka-unavailable';
import { KafkaSubscription } from './kafka-subscription';
import { kafkaLogCreator, silentLogger } from './quiet-logger';

/** The IntegrationBus port on Kafka (kafkajs): idempotent producer, manual commits, dead-letter topics. */
export class KafkaIntegrationBus implements IntegrationBus {
  private readonly subscriptions = new Set<Subscription>();

  private constructor(
    private readonly kafka: Kafka,
    private readonly admin: Admin,
    private readonly producer: Producer,
    private readonly replicationFactor: number,
    private readonly tuning: KafkaConsumerTuning,
    private readonly logger: Logger,
  ) {}

  /** Connects the admin client and producer; fails fast with a KafkaUnavailableError naming KAFKA_BROKERS. */
  static async connect(options: KafkaIntegrationBusOptions): Promise<KafkaIntegrationBus> {
    const logger = options.logger ?? silentLogger;
    const connectTimeoutMs = options.connectTimeoutMs ?? 10_000;
    const kafka = new Kafka({
      clientId: options.clientId ?? 'booking-rush',
      brokers: [...options.brokers],
      connectionTimeout: Math.min(connectTimeoutMs, 3_000),
      logLevel: logLevel.ERROR,
      logCreator: kafkaLogCreator(logger),
    });
    await probe(options, connectTimeoutMs);
    const admin = kafka.admin();
    // Idempotence keeps per-key order through retries (it implies acks from all in-sync replicas).
    const producer = kafka.producer({
      idempotent: true,
      maxInFlightRequests: 1,
      allowAutoTopicCreation: false,
    });
    try {
      await Promise.all([admin.connect(), producer.connect()]);
    } catch (error) {
      await Promise.allSettled([admin.disconnect(), producer.disconnect()]);
      throw new KafkaUnavailableError(options.brokers, error);
    }
    const tuning = { ...defaultConsumerTuning, ...options.consumer };
    return new KafkaIntegrationBus(kafka, admin, producer, options.replicationFactor ?? 1, tuning, logger);
  }

  ensureTopics(topics: readonly TopicSpec[]): Promise<void> {
    return ensureKafkaTopics(this.admin, topics, this.replicationFactor);
  }

  async publish(messages: readonly OutgoingMessage[]): Promise<void> {
    if (messages.length === 0) return;
    const byTopic = new Map<string, OutgoingMessage[]>();
    for (const message of messages)
      byTopic.set(message.topic, [...(byTopic.get(message.topic) ?? []), message]);
    await this.producer.sendBatch({
      acks: -1,
      topicMessages: [...byTopic].map(([topic, list]) => ({ topic, messages: list.map(encodeMessage) })),
    });
  }

  async subscribe(options: SubscribeOptions): Promise<Subscription> {
    const started = await KafkaSubscription.start(
      this.kafka,
      this.producer,
      options,
      this.tuning,
      this.logger,
    );
    const subscription: Subscription = {
      stop: async () => {
        this.subscriptions.delete(subscription);
        await started.stop();
      },
    };
    this.subscriptions.add(subscription);
    return subscription;
  }

  async listDeadLetters(topic: string, options: { limit?: number } = {}): Promise<DeadLetter[]> {
    const pending = await readPendingDeadLetters(this.kafka, this.admin, topic, this.tuning);
    const sorted = pending.sort(oldestFirst);
    return options.limit === undefined ? sorted : sorted.slice(0, options.limit);
  }

  async countDeadLetters(topic: string): Promise<number> {
    return countPendingDeadLetters(this.admin, topic);
  }

  async redriveDeadLetters(topic: string, options: { limit?: number } = {}): Promise<number> {
    const count = await redrivePendingDeadLetters(
      this.kafka,
      this.admin,
      topic,
      this.tuning,
      (pending) => firstPerPartition(pending, options.limit),
      (chosen) => this.publish(chosen.map((letter) => letter.message)),
    );
    this.logger.info('dead letters re-driven', { topic, count });
    return count;
  }

  async close(): Promise<void> {
    await Promise.allSettled([...this.subscriptions].map((subscription) => subscription.stop()));
    await Promise.allSettled([this.producer.disconnect(), this.admin.disconnect()]);
  }
}

/**
 * One connection attempt with few, quick retries: the clients' own retries (kept for brief outages
 * later on) would make an unreachable broker take many seconds to report.
 */
async function probe(options: KafkaIntegrationBusOptions, timeoutMs: number): Promise<void> {
  const retries = Math.max(1, Math.floor(Math.log2(Math.max(timeoutMs, 400) / 200)));
  const kafka = new Kafka({
    clientId: `${options.clientId ?? 'booking-rush'}-probe`,
    brokers: [...options.brokers],
    connectionTimeout: Math.min(timeoutMs, 3_000),
    retry: { retries, initialRetryTime: 100, maxRetryTime: timeoutMs / 4 },
    logLevel: logLevel.NOTHING,
  });
  const admin = kafka.admin();
  try {
    await within(admin.connect(), timeoutMs, () => new Error(`no connection within ${timeoutMs} ms`));
  } catch (error) {
    throw new KafkaUnavailableError(options.brokers, error);
  } finally {
    await admin.disconnect().catch(() => {});
  }
}
