import {
  deadLetterTopicOf,
  type DeadLetter,
  type DeliveredMessage,
  type OutgoingMessage,
} from './integration-bus';

/** Headers a dead-lettered message carries beside its original ones. */
export const deadLetterHeaders = {
  error: 'dead-letter-error',
  originalTopic: 'dead-letter-original-topic',
  group: 'dead-letter-group',
  failedAt: 'dead-letter-failed-at',
} as const;

const deadLetterHeaderNames: ReadonlySet<string> = new Set(Object.values(deadLetterHeaders));

export type DeadLetterCause = { readonly groupId: string; readonly error: string; readonly failedAt: Date };

/** The message to publish on the dead-letter topic: same key and value, headers say why. */
export function toDeadLetterMessage(message: DeliveredMessage, cause: DeadLetterCause): OutgoingMessage {
  return {
    topic: deadLetterTopicOf(message.topic),
    key: message.key,
    value: message.value,
    headers: {
      ...message.headers,
      [deadLetterHeaders.error]: cause.error,
      [deadLetterHeaders.originalTopic]: message.topic,
      [deadLetterHeaders.group]: cause.groupId,
      [deadLetterHeaders.failedAt]: cause.failedAt.toISOString(),
    },
  };
}

/** Reads a message of a dead-letter topic back into the original message and why it failed. */
export function parseDeadLetter(message: DeliveredMessage): DeadLetter {
  const headers = message.headers;
  const originalHeaders = Object.fromEntries(
    Object.entries(headers).filter(([name]) => !deadLetterHeaderNames.has(name)),
  );
  const originalTopic = headers[deadLetterHeaders.originalTopic] ?? '';
  return {
    deadLetterTopic: message.topic,
    partition: message.partition,
    offset: message.offset,
    originalTopic,
    groupId: headers[deadLetterHeaders.group] ?? '',
    error: headers[deadLetterHeaders.error] ?? '',
    failedAt: headers[deadLetterHeaders.failedAt] ?? '',
    message: { topic: originalTopic, key: message.key, value: message.value, headers: originalHeaders },
  };
}

/** Oldest first across partitions: by failure time, then partition and offset. */
export function oldestFirst(a: DeadLetter, b: DeadLetter): number {
  if (a.failedAt !== b.failedAt) return a.failedAt < b.failedAt ? -1 : 1;
  if (a.partition !== b.partition) return a.partition - b.partition;
  return Number(BigInt(a.offset) - BigInt(b.offset));
}

export const errorText = (error: unknown): string =>
  error instanceof Error ? error.message || error.name : String(error);

/** The first `limit` of each partition (they arrive in partition and offset order). */
export function firstPerPartition(letters: readonly DeadLetter[], limit: number | undefined): DeadLetter[] {
  if (limit === undefined) return [...letters];
  const taken = new Map<number, number>();
  return letters.filter((letter) => {
    const count = taken.get(letter.partition) ?? 0;
    taken.set(letter.partition, count + 1);
    return count < limit;
  });
}
