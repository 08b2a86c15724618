import { setTimeout as delay } from 'node:timers/promises';
import type { Logger } from '../../logging';
import {
  deliverWithRetry,
  errorText,
  retryDelayMs,
  toDeadLetterMessage,
  type DeliveredMessage,
  type OutgoingMessage,
  type RetryPolicy,
} from '../../ports/integration-bus';
import type { SqlClient, SqlExecutor } from '../../ports/sql';
import { commitOffset, committedOffset } from './group-offsets';
import { readPartition, type PartitionRef } from './sql-messages';
import { WakeSignal } from '../../timing';

export type WorkerDeps = {
  readonly sql: SqlClient;
  readonly groupId: string;
  readonly handler: (message: DeliveredMessage) => Promise<void>;
  readonly retry: RetryPolicy;
  readonly fromBeginning: boolean;
  readonly batchSize: number;
  readonly pollIntervalMs: number;
  /** Appends to the dead-letter topic inside the transaction that commits past the message. */
  readonly prepareAppend: (
    messages: readonly OutgoingMessage[],
  ) => Promise<(tx: SqlExecutor) => Promise<PartitionRef[]>>;
  /** Wakes the consumers of partitions written once their transaction committed. */
  readonly ring: (written: readonly PartitionRef[]) => void;
  readonly listen: (ref: PartitionRef, wake: () => void) => () => void;
  readonly logger?: Logger;
};

const outageBackoff: RetryPolicy = { attempts: Infinity, initialDelayMs: 100, maxDelayMs: 10_000 };

/**
 * Delivers one topic-partition to one group, a message at a time, in order. The offset is committed once
 * per batch read (and whenever the worker stops), not after every message: a commit is a transaction, and
 * one per message held a busy group to the database's commit rate. A crash redelivers the batch's
 * handled messages, which at-least-once handlers already tolerate.
 */
export class PartitionWorker {
  private readonly abort = new AbortController();
  private readonly wakeSignal = new WakeSignal();
  private readonly unlisten: () => void;
  private readonly done: Promise<void>;

  constructor(
    private readonly deps: WorkerDeps,
    readonly ref: PartitionRef,
  ) {
    this.unlisten = deps.listen(ref, () => this.wakeSignal.wake());
    this.done = this.run();
  }

  /** Lets the message in hand finish (a handler failing now leaves it uncommitted), then stops. */
  async stop(): Promise<void> {
    this.abort.abort();
    this.unlisten();
    await this.done;
  }

  private async run(): Promise<void> {
    for (let failures = 0; !this.abort.signal.aborted;) {
      try {
        await this.consume();
      } catch (error) {
        failures += 1;
        const retryInMs = retryDelayMs(failures, outageBackoff);
        this.deps.logger?.warn('integration bus consumer failed; retrying', {
          groupId: this.deps.groupId,
          ...this.ref,
          error: errorText(error),
          retryInMs,
        });
        await delay(retryInMs, undefined, { signal: this.abort.signal }).catch(() => {});
      }
    }
  }

  private async consume(): Promise<void> {
    const { sql, groupId } = this.deps;
    let next = await committedOffset(sql, groupId, this.ref, this.deps.fromBeginning);
    while (!this.abort.signal.aborted) {
      const batch = await readPartition(sql, this.ref, next, this.deps.batchSize);
      if (batch.length === 0) {
        await this.wakeSignal.wait(this.deps.pollIntervalMs, this.abort.signal);
        continue;
      }
      const committed = next;
      try {
        for (const message of batch) {
          if (!(await this.deliver(message))) return;
          next = BigInt(message.offset) + 1n;
        }
      } finally {
        if (next !== committed) await commitOffset(sql, groupId, this.ref, next);
      }
    }
  }

  /** False when the worker stopped before the message was done (it stays uncommitted). A dead letter is
   * appended in the same transaction as the commit past its message. */
  private async deliver(message: DeliveredMessage): Promise<boolean> {
    const { sql, groupId } = this.deps;
    const outcome = await deliverWithRetry(message, this.deps.handler, {
      retry: this.deps.retry,
      signal: this.abort.signal,
      onAttemptFailed: (failure) =>
        this.deps.logger?.warn('integration message handler failed', { groupId, ...this.ref, ...failure }),
    });
    const nextOffset = BigInt(message.offset) + 1n;
    if (outcome.kind === 'interrupted') return false;
    if (outcome.kind === 'handled') return true;
    const deadLetter = toDeadLetterMessage(message, { groupId, error: outcome.error, failedAt: new Date() });
    const append = await this.deps.prepareAppend([deadLetter]);
    const written = await sql.transaction(async (tx) => {
      const refs = await append(tx);
      await commitOffset(tx, groupId, this.ref, nextOffset);
      return refs;
    });
    this.deps.ring(written);
    this.deps.logger?.error('integration message dead-lettered', {
      groupId,
      ...this.ref,
      error: outcome.error,
    });
    return true;
  }
}
