import {
  deadLetterTopicOf,
  parseDeadLetter,
  redriveGroupOf,
  type DeadLetter,
  type OutgoingMessage,
} from '../../ports/integration-bus';
import type { SqlClient, SqlExecutor } from '../../ports/sql';
import { commitOffset } from './group-offsets';
import { readUncommitted } from './sql-messages';

/** Dead letters not yet re-driven: past the re-drive group's offsets on the dead-letter topic. */
export async function pendingDeadLetters(sql: SqlExecutor, topic: string): Promise<DeadLetter[]> {
  const messages = await readUncommitted(sql, deadLetterTopicOf(topic), redriveGroupOf(topic));
  return messages.map(parseDeadLetter);
}

/**
 * Re-publishes the chosen pending dead letters and commits the re-drive group past them, in one
 * transaction: a crash re-drives nothing twice. Locking the dead-letter topic's partition rows keeps
 * two concurrent re-drives of one topic from sending the same letters.
 */
export async function redriveDeadLetters(
  sql: SqlClient,
  topic: string,
  choose: (pending: DeadLetter[]) => DeadLetter[],
  append: (tx: SqlExecutor, messages: readonly OutgoingMessage[]) => Promise<void>,
): Promise<number> {
  const deadLetterTopic = deadLetterTopicOf(topic);
  return sql.transaction(async (tx) => {
    await tx.query('SELECT partition FROM integration_bus_partitions WHERE topic = $1 FOR UPDATE', [
      deadLetterTopic,
    ]);
    const chosen = choose(await pendingDeadLetters(tx, topic));
    if (chosen.length === 0) return 0;
    await append(
      tx,
      chosen.map((letter) => letter.message),
    );
    for (const letter of chosen) {
      await commitOffset(
        tx,
        redriveGroupOf(topic),
        { topic: deadLetterTopic, partition: letter.partition },
        BigInt(letter.offset) + 1n,
      );
    }
    return chosen.length;
  });
}
