import { readFile } from 'node:fs/promises';
import type { Logger } from '../../logging';
import {
  defaultRetryPolicy,
  firstPerPartition,
  oldestFirst,
  type DeadLetter,
  type IntegrationBus,
  type OutgoingMessage,
  type SubscribeOptions,
  type Subscription,
  type TopicSpec,
} from '../../ports/integration-bus';
import type { SqlClient, SqlExecutor } from '../../ports/sql';
import { ConsumerGroup, type GroupMember } from './consumer-group';
import { pendingDeadLetters, redriveDeadLetters } from './sql-dead-letters';
import { appendMessages, type PartitionRef } from './sql-messages';
import { SqlTopics } from './sql-topics';
import { PartitionBells } from './partition-bells';

export type SqlIntegrationBusOptions = {
  /** Messages a consumer reads per query. */
  readonly batchSize?: number;
  /** Fallback poll of an idle consumer; publishes in this process wake it at once. */
  readonly pollIntervalMs?: number;
  /** How often a process that found its group consumed elsewhere tries again. */
  readonly standbyRetryMs?: number;
  readonly logger?: Logger;
};

const schemaFile = new URL('./schema.sql', import.meta.url);

/**
 * The IntegrationBus port for the embedded mode, durable in the SQL database (PGlite or PostgreSQL):
 * Kafka's model of topics, partitions, offsets, consumer groups and dead-letter topics in tables, so
 * a message published (and a checkpoint advanced on it) survives a crash just as with a broker.
 */
export class SqlIntegrationBus implements IntegrationBus {
  private readonly topics: SqlTopics;
  private readonly bells = new PartitionBells();
  private readonly groups = new Map<string, ConsumerGroup>();
  private readonly subscriptions = new Set<Subscription>();

  private constructor(
    private readonly sql: SqlClient,
    private readonly options: SqlIntegrationBusOptions,
  ) {
    this.topics = new SqlTopics(sql);
  }

  /** Creates the tables when missing. */
  static async open(sql: SqlClient, options: SqlIntegrationBusOptions = {}): Promise<SqlIntegrationBus> {
    await sql.exec(await readFile(schemaFile, 'utf8'));
    return new SqlIntegrationBus(sql, options);
  }

  ensureTopics(topics: readonly TopicSpec[]): Promise<void> {
    return this.sql.transaction((tx) => new SqlTopics(tx).ensure(topics));
  }

  async publish(messages: readonly OutgoingMessage[]): Promise<void> {
    if (messages.length === 0) return;
    const append = await this.prepareAppend(messages);
    const written = await this.sql.transaction(append);
    this.ring(written);
  }

  async subscribe(options: SubscribeOptions): Promise<Subscription> {
    const group = this.groupOf(options.groupId);
    const member: GroupMember = {
      topics: [...options.topics],
      handler: options.handler,
      retry: options.retry ?? defaultRetryPolicy,
      fromBeginning: options.fromBeginning ?? true,
    };
    await group.join(member);
    let stopped: Promise<void> | undefined;
    const subscription: Subscription = {
      stop: () => {
        stopped ??= (async () => {
          this.subscriptions.delete(subscription);
          await group.leave(member);
          if (group.isEmpty && this.groups.get(options.groupId) === group)
            this.groups.delete(options.groupId);
        })();
        return stopped;
      },
    };
    this.subscriptions.add(subscription);
    return subscription;
  }

  async listDeadLetters(topic: string, options: { limit?: number } = {}): Promise<DeadLetter[]> {
    const pending = (await pendingDeadLetters(this.sql, topic)).sort(oldestFirst);
    return options.limit === undefined ? pending : pending.slice(0, options.limit);
  }

  async countDeadLetters(topic: string): Promise<number> {
    return (await pendingDeadLetters(this.sql, topic)).length;
  }

  async redriveDeadLetters(topic: string, options: { limit?: number } = {}): Promise<number> {
    const written: PartitionRef[] = [];
    const counts = await this.topics.partitionsOf([topic]);
    const count = await redriveDeadLetters(
      this.sql,
      topic,
      (pending) => firstPerPartition(pending, options.limit),
      async (tx, messages) => void written.push(...(await appendMessages(tx, messages, counts))),
    );
    this.ring(written);
    this.options.logger?.info('dead letters re-driven', { topic, count });
    return count;
  }

  async close(): Promise<void> {
    await Promise.all([...this.subscriptions].map((subscription) => subscription.stop()));
  }

  /**
   * Looks the topics up before the transaction: PGlite has one connection, so a query outside the
   * transaction while it is open would wait for it forever.
   */
  private async prepareAppend(
    messages: readonly OutgoingMessage[],
  ): Promise<(tx: SqlExecutor) => Promise<PartitionRef[]>> {
    const counts = await this.topics.partitionsOf(messages.map((message) => message.topic));
    return (tx) => appendMessages(tx, messages, counts);
  }

  private ring(written: readonly PartitionRef[]): void {
    for (const ref of written) this.bells.ring(ref.topic, ref.partition);
  }

  private groupOf(groupId: string): ConsumerGroup {
    let group = this.groups.get(groupId);
    if (!group) {
      group = new ConsumerGroup(groupId, {
        sql: this.sql,
        batchSize: this.options.batchSize ?? 100,
        pollIntervalMs: this.options.pollIntervalMs ?? 1_000,
        standbyRetryMs: this.options.standbyRetryMs ?? 5_000,
        logger: this.options.logger,
        partitionsOf: (topics) => this.topics.partitionsOf(topics),
        listen: (ref, wake) => this.bells.listen(ref.topic, ref.partition, wake),
        prepareAppend: (messages) => this.prepareAppend(messages),
        ring: (written) => this.ring(written),
      });
      this.groups.set(groupId, group);
    }
    return group;
  }
}
