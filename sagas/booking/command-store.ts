import type { EventMetadata } from '../../domain/shared';
import type { SqlClient } from '../../infra/ports/sql';
import type { SagaCommand } from './saga-commands';
import { sagaCommandsTable } from './saga-tables';

export type ClaimedCommand = {
  readonly messageId: string;
  readonly sagaId: string;
  readonly command: SagaCommand;
  readonly metadata: EventMetadata;
  readonly attempts: number;
};

export type CommandCounts = Record<'pending' | 'done' | 'failed' | 'skipped', number>;

/**
 * The durable command and timeout rows: claimed under a lease (a scheduler that dies mid-command leaves
 * it to be claimed again when the lease runs out), then marked done, retried later, or failed.
 */
export class SagaCommandStore {
  constructor(private readonly sql: SqlClient) {}

  async claimDue(now: Date, limit: number, leaseMs: number): Promise<ClaimedCommand[]> {
    const rows = await this.sql.query<{
      message_id: string;
      saga_id: string;
      command: SagaCommand;
      metadata: EventMetadata;
      attempts: number;
    }>(
      `UPDATE ${sagaCommandsTable} SET leased_until = $1::timestamptz + make_interval(secs => $3::double precision / 1000),
              attempts = attempts + 1
       WHERE message_id IN (
         SELECT message_id FROM ${sagaCommandsTable}
         WHERE status = 'pending' AND due_at <= $1 AND (leased_until IS NULL OR leased_until <= $1)
         ORDER BY due_at LIMIT $2 FOR UPDATE SKIP LOCKED)
       RETURNING message_id, saga_id, command, metadata, attempts`,
      [now.toISOString(), limit, leaseMs],
    );
    return rows.map((row) => ({
      messageId: row.message_id,
      sagaId: row.saga_id,
      command: row.command,
      metadata: row.metadata,
      attempts: row.attempts,
    }));
  }

  /** Marks commands done, one statement for a whole batch. */
  async markDone(messageIds: readonly string[]): Promise<void> {
    if (messageIds.length === 0) return;
    await this.sql.query(
      `UPDATE ${sagaCommandsTable} SET status = 'done', finished_at = now(), leased_until = NULL
       WHERE message_id = ANY($1::uuid[])`,
      [messageIds],
    );
  }

  async retryLater(messageId: string, dueAt: Date, error: string): Promise<void> {
    await this.sql.query(
      `UPDATE ${sagaCommandsTable} SET due_at = $2, leased_until = NULL, last_error = $3 WHERE message_id = $1`,
      [messageId, dueAt.toISOString(), error],
    );
  }

  async markFailed(messageId: string, error: string): Promise<void> {
    await this.sql.query(
      `UPDATE ${sagaCommandsTable} SET status = 'failed', finished_at = now(), leased_until = NULL, last_error = $2
       WHERE message_id = $1`,
      [messageId, error],
    );
  }

  /**
   * When the earliest pending command falls due (undefined when none is pending): one row of the pending
   * index, never a scan of every pending row (a sale leaves one timeout per hold). A command under lease
   * counts from the lease's end.
   */
  async nextDueAt(): Promise<Date | undefined> {
    const [row] = await this.sql.query<{ due: Date | string | null }>(
      `SELECT greatest(due_at, coalesce(leased_until, due_at)) AS due FROM ${sagaCommandsTable}
       WHERE status = 'pending' ORDER BY due_at LIMIT 1`,
    );
    return row?.due ? new Date(row.due) : undefined;
  }

  /** Pending commands whose due time has come, being worked on or not: the saga's backlog. */
  async dueCount(now: Date): Promise<number> {
    const [row] = await this.sql.query<{ n: string | number }>(
      `SELECT count(*) AS n FROM ${sagaCommandsTable} WHERE status = 'pending' AND due_at <= $1`,
      [now.toISOString()],
    );
    return Number(row?.n ?? 0);
  }

  async counts(): Promise<CommandCounts> {
    const rows = await this.sql.query<{ status: keyof CommandCounts; n: string | number }>(
      `SELECT status, count(*) AS n FROM ${sagaCommandsTable} GROUP BY status`,
    );
    const counts: CommandCounts = { pending: 0, done: 0, failed: 0, skipped: 0 };
    for (const row of rows) counts[row.status] = Number(row.n);
    return counts;
  }
}
