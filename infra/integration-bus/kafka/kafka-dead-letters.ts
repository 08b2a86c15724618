import { randomUUID } from 'node:crypto';
import type { Admin, Consumer, Kafka } from 'kafkajs';
import {
  deadLetterTopicOf,
  parseDeadLetter,
  redriveGroupOf,
  type DeadLetter,
} from '../../ports/integration-bus';
import { decodeMessage } from './kafka-codec';
import type { KafkaConsumerTuning } from './kafka-options';
import { within } from './kafka-unavailable';

type PartitionRange = { readonly partition: number; readonly from: bigint; readonly end: bigint };

/**
 * Dead letters not yet re-driven, per partition in offset order. Re-driven ones lie below the offsets
 * the re-drive group committed on the dead-letter topic. Read by a throwaway group that commits nothing.
 */
export async function readPendingDeadLetters(
  kafka: Kafka,
  admin: Admin,
  topic: string,
  tuning: KafkaConsumerTuning,
): Promise<DeadLetter[]> {
  const deadLetterTopic = deadLetterTopicOf(topic);
  const ranges = await pendingRanges(admin, topic);
  if (ranges.length === 0) return [];
  const groupId = `${redriveGroupOf(topic)}.reader.${randomUUID()}`;
  try {
    return await readRanges(kafka, deadLetterTopic, ranges, tuning, groupId, async () => {});
  } finally {
    await admin.deleteGroups([groupId]).catch(() => {});
  }
}

/**
 * Reads the pending dead letters as the re-drive group itself, hands the chosen ones to `redrive`, then
 * commits past them: the next call starts after them. One re-drive of a topic at a time.
 */
export async function redrivePendingDeadLetters(
  kafka: Kafka,
  admin: Admin,
  topic: string,
  tuning: KafkaConsumerTuning,
  choose: (pending: DeadLetter[]) => DeadLetter[],
  redrive: (chosen: DeadLetter[]) => Promise<void>,
): Promise<number> {
  const deadLetterTopic = deadLetterTopicOf(topic);
  const ranges = await pendingRanges(admin, topic);
  if (ranges.length === 0) return 0;
  let count = 0;
  await readRanges(
    kafka,
    deadLetterTopic,
    ranges,
    tuning,
    redriveGroupOf(topic),
    async (pending, consumer) => {
      const chosen = choose(pending);
      count = chosen.length;
      if (chosen.length === 0) return;
      await redrive(chosen);
      await consumer.commitOffsets(
        [...lastOffsets(chosen)].map(([partition, offset]) => ({
          topic: deadLetterTopic,
          partition,
          offset: (offset + 1n).toString(),
        })),
      );
    },
  );
  return count;
}

function lastOffsets(letters: readonly DeadLetter[]): Map<number, bigint> {
  const last = new Map<number, bigint>();
  for (const letter of letters) {
    const offset = BigInt(letter.offset);
    if (offset >= (last.get(letter.partition) ?? -1n)) last.set(letter.partition, offset);
  }
  return last;
}

/** Dead letters not yet re-driven, from offsets alone: nothing is read. */
export async function countPendingDeadLetters(admin: Admin, topic: string): Promise<number> {
  const ranges = await pendingRanges(admin, topic);
  return ranges.reduce((sum, range) => sum + Number(range.end - range.from), 0);
}

async function pendingRanges(admin: Admin, topic: string): Promise<PartitionRange[]> {
  const deadLetterTopic = deadLetterTopicOf(topic);
  const [ends, committed] = await Promise.all([
    admin.fetchTopicOffsets(deadLetterTopic),
    admin.fetchOffsets({ groupId: redriveGroupOf(topic), topics: [deadLetterTopic] }),
  ]);
  const done = new Map(committed[0]?.partitions.map((p) => [p.partition, BigInt(p.offset)]) ?? []);
  return ends
    .map(({ partition, low, high }) => {
      const redrivenUpTo = done.get(partition) ?? -1n;
      const from = redrivenUpTo > BigInt(low) ? redrivenUpTo : BigInt(low);
      return { partition, from, end: BigInt(high) };
    })
    .filter((range) => range.from < range.end);
}

/** Consumes the ranges with a short-lived consumer, then runs `onceRead` while it is still a member. */
async function readRanges(
  kafka: Kafka,
  deadLetterTopic: string,
  ranges: PartitionRange[],
  tuning: KafkaConsumerTuning,
  groupId: string,
  onceRead: (letters: DeadLetter[], consumer: Consumer) => Promise<void>,
): Promise<DeadLetter[]> {
  const consumer = kafka.consumer({
    groupId,
    allowAutoTopicCreation: false,
    sessionTimeout: tuning.sessionTimeoutMs,
    heartbeatInterval: tuning.heartbeatIntervalMs,
    rebalanceTimeout: tuning.rebalanceTimeoutMs,
    maxWaitTimeInMs: tuning.maxWaitTimeMs,
  });
  const byPartition = new Map(ranges.map((range) => [range.partition, range]));
  const found: DeadLetter[] = [];
  const unfinished = new Set(byPartition.keys());
  let finished!: () => void;
  const allRead = new Promise<void>((resolve) => (finished = resolve));
  try {
    await consumer.connect();
    await consumer.subscribe({ topics: [deadLetterTopic], fromBeginning: true });
    await consumer.run({
      autoCommit: false,
      eachMessage: async ({ partition, message }) => {
        const range = byPartition.get(partition);
        const offset = BigInt(message.offset);
        if (!range || offset < range.from || offset >= range.end) return;
        found.push(parseDeadLetter(decodeMessage(deadLetterTopic, partition, message)));
        if (offset === range.end - 1n) unfinished.delete(partition);
        if (unfinished.size === 0) finished();
      },
    });
    await within(
      allRead,
      readLimitMs,
      () => new Error(`reading ${deadLetterTopic} took over ${readLimitMs} ms`),
    );
    found.sort((a, b) => a.partition - b.partition || Number(BigInt(a.offset) - BigInt(b.offset)));
    await onceRead(found, consumer);
  } finally {
    await consumer.disconnect().catch(() => {});
  }
  return found;
}

const readLimitMs = 30_000;
