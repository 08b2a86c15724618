import type { DeliveredMessage, OutgoingMessage } from '../../ports/integration-bus';
import type { SqlExecutor } from '../../ports/sql';
import { partitionOfKey } from './partition-of-key';

export type PartitionRef = { readonly topic: string; readonly partition: number };

type MessageRow = {
  topic: string;
  partition: number;
  offset: string;
  key: string;
  value: unknown;
  headers: Record<string, string>;
};

/**
 * Appends messages in one transaction (`tx`): each topic-partition's offset row is locked in a fixed
 * order, so concurrent publishers neither deadlock nor commit offsets out of order. Returns the
 * partitions written, to wake their consumers after the commit.
 */
export async function appendMessages(
  tx: SqlExecutor,
  messages: readonly OutgoingMessage[],
  partitionCounts: ReadonlyMap<string, number>,
): Promise<PartitionRef[]> {
  const byPartition = new Map<string, { ref: PartitionRef; messages: OutgoingMessage[] }>();
  for (const message of messages) {
    const partition = partitionOfKey(message.key, partitionCounts.get(message.topic)!);
    const id = `${message.topic}\u0000${String(partition).padStart(6, '0')}`;
    const entry = byPartition.get(id) ?? { ref: { topic: message.topic, partition }, messages: [] };
    entry.messages.push(message);
    byPartition.set(id, entry);
  }
  const ordered = [...byPartition.keys()].sort().map((id) => byPartition.get(id)!);
  for (const { ref, messages: list } of ordered) {
    const [reserved] = await tx.query<{ first: string }>(
      `UPDATE integration_bus_partitions SET next_offset = next_offset + $3
       WHERE topic = $1 AND partition = $2 RETURNING (next_offset - $3)::text AS first`,
      [ref.topic, ref.partition, list.length],
    );
    await tx.query(
      `INSERT INTO integration_bus_messages (topic, partition, "offset", key, value, headers)
       SELECT $1, $2, $3::bigint + m.ordinality - 1, m.item->>'key', m.item->'value', m.item->'headers'
       FROM jsonb_array_elements($4::jsonb) WITH ORDINALITY AS m(item, ordinality)`,
      [ref.topic, ref.partition, reserved!.first, JSON.stringify(list.map(toStoredMessage))],
    );
  }
  return ordered.map(({ ref }) => ref);
}

const toStoredMessage = (message: OutgoingMessage) => ({
  key: message.key,
  value: message.value ?? null,
  headers: message.headers,
});

// The offset leaves as text (JavaScript numbers stop at 2^53); sort on the column, not this alias.
const messageColumns = `m.topic, m.partition, m."offset"::text AS "offset", m.key, m.value, m.headers`;

/** Messages of one partition from `fromOffset` on, in offset order. */
export async function readPartition(
  sql: SqlExecutor,
  ref: PartitionRef,
  fromOffset: bigint,
  limit: number,
): Promise<DeliveredMessage[]> {
  const rows = await sql.query<MessageRow>(
    `SELECT ${messageColumns} FROM integration_bus_messages m
     WHERE m.topic = $1 AND m.partition = $2 AND m."offset" >= $3::bigint ORDER BY m."offset" LIMIT $4`,
    [ref.topic, ref.partition, fromOffset.toString(), limit],
  );
  return rows.map(toDelivered);
}

/** Messages of a topic at or past `group`'s committed offsets, by partition and offset. */
export async function readUncommitted(
  sql: SqlExecutor,
  topic: string,
  groupId: string,
): Promise<DeliveredMessage[]> {
  const rows = await sql.query<MessageRow>(
    `SELECT ${messageColumns} FROM integration_bus_messages m
     LEFT JOIN integration_bus_group_offsets o
       ON o.group_id = $2 AND o.topic = m.topic AND o.partition = m.partition
     WHERE m.topic = $1 AND m."offset" >= COALESCE(o.next_offset, 0)
     ORDER BY m.partition, m."offset"`,
    [topic, groupId],
  );
  return rows.map(toDelivered);
}

const toDelivered = (row: MessageRow): DeliveredMessage => ({
  topic: row.topic,
  partition: Number(row.partition),
  offset: row.offset,
  key: row.key,
  value: row.value,
  headers: row.headers,
});
