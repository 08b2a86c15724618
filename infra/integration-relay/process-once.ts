import type { SqlClient, SqlExecutor } from '../ports/sql';
import { ensureRelaySchema } from './relay-schema';

export type ProcessOnceResult<T> =
  { readonly outcome: 'processed'; readonly value: T } | { readonly outcome: 'already-processed' };

/**
 * Runs `work` for an integration event unless `consumer` already processed that event id (delivery is
 * at-least-once), and records the id once `work` succeeded. A crash between the work and the record
 * runs the work again on redelivery, so `work` must itself be idempotent (a deterministic payment
 * id, an upsert). When the work is SQL in the same database, `processOnceInTransaction` closes that gap.
 */
export async function processOnce<T>(
  sql: SqlClient,
  consumer: string,
  eventId: string,
  work: () => Promise<T>,
): Promise<ProcessOnceResult<T>> {
  await ensureRelaySchema(sql);
  const seen = await sql.query('SELECT 1 FROM integration_processed WHERE consumer = $1 AND event_id = $2', [
    consumer,
    eventId,
  ]);
  if (seen.length > 0) return { outcome: 'already-processed' };
  const value = await work();
  await record(sql, consumer, eventId);
  return { outcome: 'processed', value };
}

/**
 * Exactly-once for SQL work: the id is recorded in the transaction that does the work, so both commit
 * or neither does; a concurrent duplicate waits for the first and then finds the id recorded.
 */
export async function processOnceInTransaction<T>(
  sql: SqlClient,
  consumer: string,
  eventId: string,
  work: (tx: SqlExecutor) => Promise<T>,
): Promise<ProcessOnceResult<T>> {
  await ensureRelaySchema(sql);
  return sql.transaction(async (tx) => {
    if (!(await record(tx, consumer, eventId))) return { outcome: 'already-processed' } as const;
    return { outcome: 'processed', value: await work(tx) } as const;
  });
}

/** True when the id was new. */
async function record(sql: SqlExecutor, consumer: string, eventId: string): Promise<boolean> {
  const rows = await sql.query(
    `INSERT INTO integration_processed (consumer, event_id) VALUES ($1, $2)
     ON CONFLICT (consumer, event_id) DO NOTHING RETURNING event_id`,
    [consumer, eventId],
  );
  return rows.length > 0;
}
