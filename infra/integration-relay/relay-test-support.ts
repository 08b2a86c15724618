// Shared by the relay's test files: buses to relay to, and a consumer that records what arrived.
import { randomBytes } from 'node:crypto';
import type { NewEvent } from '../ports/event-store';
import { Inbox } from '../ports/integration-bus/contract-support';
import type { IntegrationBus, OutgoingMessage, Subscription } from '../ports/integration-bus';
import type { SqlClient } from '../ports/sql';
import { SqlIntegrationBus } from '../integration-bus/in-process';
import { fastConsumerTuning, KafkaIntegrationBus } from '../integration-bus/kafka';
import type { IntegrationEvent } from './integration-message';
import { integrationTopics, topicsFor } from './relay-topics';

export type BusUnderTest = {
  readonly name: string;
  open(sql: SqlClient): Promise<IntegrationBus>;
};

export const busesUnderTest: BusUnderTest[] = [
  { name: 'in-process bus', open: (sql) => SqlIntegrationBus.open(sql, { pollIntervalMs: 200 }) },
  {
    name: 'Kafka',
    open: () => {
      const brokers = process.env.TEST_KAFKA_BROKERS;
      if (!brokers) throw new Error('TEST_KAFKA_BROKERS is not set: source .services/env or run `npm test`');
      return KafkaIntegrationBus.connect({ brokers: brokers.split(','), consumer: fastConsumerTuning });
    },
  },
];

export const uniqueId = () => randomBytes(4).toString('hex');

export const newEvent = (type: string, data: Record<string, unknown>, metadata = {}): NewEvent => ({
  type,
  data,
  metadata,
});

export const eventOf = (message: { value: unknown }) => message.value as IntegrationEvent<{ n: number }>;

/**
 * A group reading all three integration topics of `prefix` from the beginning. Like any consumer, it
 * ensures the topics first: it may start before the relay created them.
 */
export async function consumeRelayed(
  bus: IntegrationBus,
  prefix: string,
): Promise<{ inbox: Inbox; subscription: Subscription }> {
  await bus.ensureTopics(topicsFor(prefix));
  const inbox = new Inbox();
  const subscription = await bus.subscribe({
    groupId: `relay-test.${uniqueId()}`,
    topics: Object.values(integrationTopics(prefix)),
    handler: inbox.handler,
  });
  return { inbox, subscription };
}

/** Delegates to a bus, counting publishes and failing them while `failing` is set. */
export class FlakyBus implements IntegrationBus {
  failing = false;
  publishes = 0;
  private readonly publishWaiters = new Map<number, () => void>();

  constructor(private readonly inner: IntegrationBus) {}

  /** Resolves when publish call number `n` begins. */
  publishCall(n: number): Promise<void> {
    if (this.publishes >= n) return Promise.resolve();
    return new Promise((resolve) => this.publishWaiters.set(n, resolve));
  }

  async publish(messages: readonly OutgoingMessage[]): Promise<void> {
    this.publishes += 1;
    this.publishWaiters.get(this.publishes)?.();
    if (this.failing) throw new Error('bus down');
    await this.inner.publish(messages);
  }

  ensureTopics: IntegrationBus['ensureTopics'] = (topics) => this.inner.ensureTopics(topics);
  subscribe: IntegrationBus['subscribe'] = (options) => this.inner.subscribe(options);
  listDeadLetters: IntegrationBus['listDeadLetters'] = (topic, options) =>
    this.inner.listDeadLetters(topic, options);
  countDeadLetters: IntegrationBus['countDeadLetters'] = (topic) => this.inner.countDeadLetters(topic);
  redriveDeadLetters: IntegrationBus['redriveDeadLetters'] = (topic, options) =>
    this.inner.redriveDeadLetters(topic, options);
  close = async () => {};
}
