import type { Admin } from 'kafkajs';
import { integrationTopics } from '../../infra/integration-relay';
import type { SqlClient } from '../../infra/ports/sql';
import { notifierGroup } from '../../infra/roles/modules/notifications-module';
import { paymentServiceGroup } from '../../infra/roles/modules/payment-service-module';

/** A consumer group of the integration bus and the topics it reads (as the product's modules subscribe them). */
export type BusGroup = {
  readonly name: string;
  readonly groupId: string;
  readonly topics: readonly string[];
};

export function busGroups(topicPrefix: string): BusGroup[] {
  const topics = integrationTopics(topicPrefix);
  return [
    { name: 'notifier', groupId: notifierGroup, topics: [topics.bookings, topics.payments] },
    { name: 'payment service', groupId: paymentServiceGroup, topics: [topics.payments] },
  ];
}

/** One group's standing per topic-partition: committed offset and end offset (the next one to be written). */
export type GroupOffsets = {
  readonly committed: readonly number[];
  readonly end: readonly number[];
  /** Age of the oldest message published and not yet consumed, when the bus can tell (the SQL bus). */
  readonly oldestAgeSeconds?: number;
};

/** What one look at the bus finds: messages published to the integration topics so far, and each group's standing. */
export type BusReading = { readonly published: number; readonly groups: readonly GroupOffsets[] };

export type BusReader = {
  read(groups: readonly BusGroup[]): Promise<BusReading>;
  close(): Promise<void>;
};

/** The durable in-process bus: offsets and messages in PostgreSQL tables. */
export function sqlBusReader(sql: SqlClient, topicPrefix: string): BusReader {
  const allTopics = Object.values(integrationTopics(topicPrefix));
  const group = async (group: BusGroup): Promise<GroupOffsets> => {
    const rows = await sql.query<{ end_offset: string; committed: string; age: number | null }>(
      `SELECT p.next_offset::text AS end_offset, coalesce(g.next_offset, 0)::text AS committed,
              extract(epoch FROM clock_timestamp() - m.created_at)::float8 AS age
         FROM integration_bus_partitions p
         LEFT JOIN integration_bus_group_offsets g
           ON g.group_id = $1 AND g.topic = p.topic AND g.partition = p.partition
         LEFT JOIN integration_bus_messages m
           ON m.topic = p.topic AND m.partition = p.partition AND m."offset" = coalesce(g.next_offset, 0)
        WHERE p.topic = ANY($2::text[])
        ORDER BY p.topic, p.partition`,
      [group.groupId, group.topics],
    );
    const ages = rows.flatMap((row) => (row.age === null ? [] : [Math.max(0, row.age)]));
    return {
      committed: rows.map((row) => Number(row.committed)),
      end: rows.map((row) => Number(row.end_offset)),
      oldestAgeSeconds: ages.length > 0 ? Math.max(...ages) : 0,
    };
  };
  return {
    async read(groups) {
      const [present] = await sql.query<{ present: boolean }>(
        `SELECT to_regclass('integration_bus_group_offsets') IS NOT NULL AS present`,
      );
      if (!present?.present) return { published: 0, groups: groups.map(() => ({ committed: [], end: [] })) };
      const [total] = await sql.query<{ total: string }>(
        `SELECT coalesce(sum(next_offset), 0)::text AS total FROM integration_bus_partitions WHERE topic = ANY($1::text[])`,
        [allTopics],
      );
      return { published: Number(total?.total ?? 0), groups: await Promise.all(groups.map(group)) };
    },
    close: async () => {},
  };
}

/** Kafka: end offsets (high watermarks) and the groups' committed offsets, through the admin client. */
export function kafkaBusReader(admin: Admin, topicPrefix: string): BusReader {
  const allTopics = Object.values(integrationTopics(topicPrefix));
  const ends = async (topic: string) =>
    (await admin.fetchTopicOffsets(topic).catch(() => []))
      .map((entry) => ({ partition: entry.partition, high: Number(entry.high), low: Number(entry.low) }))
      .sort((a, b) => a.partition - b.partition);
  return {
    async read(groups) {
      const byTopic = new Map(
        await Promise.all(allTopics.map(async (topic) => [topic, await ends(topic)] as const)),
      );
      const published = [...byTopic.values()].flat().reduce((sum, entry) => sum + entry.high, 0);
      const offsets = await Promise.all(
        groups.map(async (group): Promise<GroupOffsets> => {
          const committed: number[] = [];
          const end: number[] = [];
          const fetched = await admin.fetchOffsets({ groupId: group.groupId, topics: [...group.topics] });
          for (const topic of group.topics) {
            const byPartition = new Map(
              (fetched.find((entry) => entry.topic === topic)?.partitions ?? []).map((entry) => [
                entry.partition,
                Number(entry.offset),
              ]),
            );
            for (const entry of byTopic.get(topic) ?? (await ends(topic))) {
              const mine = byPartition.get(entry.partition) ?? -1;
              // -1: nothing committed yet; the group starts from the earliest retained message.
              committed.push(mine < 0 ? entry.low : mine);
              end.push(entry.high);
            }
          }
          return { committed, end };
        }),
      );
      return { published, groups: offsets };
    },
    close: () => admin.disconnect(),
  };
}
