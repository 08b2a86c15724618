import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import {
  DuplicateEventError,
  EventStoreUnavailableError,
  WrongExpectedVersionError,
  assertValidEvents,
  assertValidStreamId,
  categoryOf,
  startOfLog,
  type AppendResult,
  type Checkpoint,
  type EventStore,
  type ExpectedState,
  type LogHead,
  type NewEvent,
  type ReadAllOptions,
  type ReadAllResult,
  type ReadStreamOptions,
  type RecordedEvent,
  type WatchFilter,
} from '../../ports/event-store';
import type { SqlClient } from '../../ports/sql';
import type { Metrics } from '../../ports/metrics';
import { formatPgCheckpoint, parsePgCheckpoint } from './checkpoint';
import { GroupCommit } from './group-commit';
import { encodeAppend, type EncodedAppend } from './encode-append';
import { eventColumns, toRecordedEvent, type EventRow } from './rows';
import { isConnectionError } from './unavailable';
import { AppError } from '../../../domain/shared';

export type PostgresEventStoreOptions = {
  /** Most stream appends one group-commit transaction takes. */
  readonly maxBatchSize?: number;
  /** Group-commit transactions in flight at once (forced to 1 on PGlite). */
  readonly maxConcurrentFlushes?: number;
  readonly defaultReadLimit?: number;
  /** Where each group-commit flush is recorded (batch size, flush time). */
  readonly metrics?: Pick<Metrics, 'groupCommit'>;
};

type OutcomeRow = {
  item: number;
  outcome: 'appended' | 'duplicate' | 'duplicate_conflict' | 'conflict';
  last_revision: string | number | null;
  last_position: string | number | null;
  txid: string | null;
};

const notifyChannel = 'es_events';
const deadlockDetected = '40P01';
const schemaFile = new URL('./schema.sql', import.meta.url);

/** The EventStore port on PostgreSQL: the same code on `pg` (server) and PGlite (embedded). */
export class PostgresEventStore implements EventStore {
  private readonly groupCommit: GroupCommit<EncodedAppend, AppendResult>;
  private readonly listeners = new Set<{
    listener: () => void;
    categories: ReadonlySet<string> | undefined;
  }>();
  private stopListening: Promise<() => Promise<void>> | undefined;
  private readonly defaultReadLimit: number;

  private constructor(
    private readonly sql: SqlClient,
    options: PostgresEventStoreOptions,
  ) {
    this.defaultReadLimit = options.defaultReadLimit ?? 1000;
    this.groupCommit = new GroupCommit((batch) => this.flush(batch), {
      maxBatchSize: options.maxBatchSize ?? 500,
      maxConcurrentFlushes: sql.driver === 'pglite' ? 1 : (options.maxConcurrentFlushes ?? 2),
      ...(options.metrics && { onFlushed: options.metrics.groupCommit.bind(options.metrics) }),
    });
  }

  /** Creates the schema when missing and returns a ready store. */
  static async open(sql: SqlClient, options: PostgresEventStoreOptions = {}): Promise<PostgresEventStore> {
    await sql.exec(await readFile(schemaFile, 'utf8'));
    return new PostgresEventStore(sql, options);
  }

  async append(
    streamId: string,
    events: readonly NewEvent[],
    expected: ExpectedState = 'any',
  ): Promise<AppendResult> {
    assertValidStreamId(streamId);
    assertValidEvents(events);
    const encoded = encodeAppend(streamId, categoryOf(streamId), events, expected, randomUUID);
    const result = await this.groupCommit.submit(encoded);
    return result;
  }

  private async flush(batch: EncodedAppend[]): Promise<Array<AppendResult | Error>> {
    // Lock streams in one order across all batches so two concurrent flushes cannot deadlock.
    const order = batch
      .map((_, index) => index)
      .sort((a, b) => compareStrings(batch[a]!.streamId, batch[b]!.streamId) || a - b);
    const payload = `[${order.map((index) => batch[index]!.json).join(',')}]`;
    const rows = await this.appendBatch(payload);
    const outcomes: Array<AppendResult | Error> = new Array(batch.length);
    for (const row of rows) {
      const index = order[row.item]!;
      outcomes[index] = this.toOutcome(batch[index]!, row);
    }
    const appended = new Set<string>();
    for (const row of rows) if (row.outcome === 'appended') appended.add(batch[order[row.item]!]!.category);
    if (appended.size > 0) this.notifyLocal(appended);
    return outcomes;
  }

  /** One statement, so a deadlock with another writer rolls it back whole and it can simply run again. */
  private async appendBatch(payload: string, attempt = 1): Promise<OutcomeRow[]> {
    try {
      return await this.sql.query<OutcomeRow>('SELECT * FROM es_append_batch($1::jsonb)', [payload]);
    } catch (error) {
      if (isConnectionError(error)) throw new EventStoreUnavailableError(error);
      if ((error as { code?: unknown }).code === deadlockDetected && attempt < 3)
        return this.appendBatch(payload, attempt + 1);
      throw error;
    }
  }

  private toOutcome(append: EncodedAppend, row: OutcomeRow): AppendResult | Error {
    switch (row.outcome) {
      case 'appended':
      case 'duplicate':
        return {
          nextExpectedRevision: Number(row.last_revision),
          position: Number(row.last_position),
          checkpoint: formatPgCheckpoint({
            transactionId: BigInt(row.txid!),
            position: BigInt(row.last_position!),
          }),
        };
      case 'duplicate_conflict':
        return new DuplicateEventError(append.eventIds);
      case 'conflict':
        return new WrongExpectedVersionError(append.streamId, append.expected, Number(row.last_revision));
    }
  }

  async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    assertValidStreamId(streamId);
    const backwards = options.direction === 'backwards';
    const from = options.fromRevision ?? (backwards ? Number.MAX_SAFE_INTEGER : 0);
    const rows = await this.run<EventRow>(
      `SELECT ${eventColumns} FROM es_events WHERE stream_id = $1 AND revision ${backwards ? '<=' : '>='} $2
       ORDER BY revision ${backwards ? 'DESC' : 'ASC'} LIMIT $3`,
      [streamId, from, options.limit ?? this.defaultReadLimit],
    );
    return rows.map(toRecordedEvent);
  }

  async readAll(options: ReadAllOptions = {}): Promise<ReadAllResult> {
    const after = parsePgCheckpoint(options.after);
    const limit = options.limit ?? this.defaultReadLimit;
    const params: unknown[] = [after.transactionId.toString(), after.position.toString(), limit];
    let filters = '';
    if (options.categories) {
      params.push(options.categories);
      filters += ` AND category = ANY($${params.length}::text[])`;
    }
    if (options.types) {
      params.push(options.types);
      filters += ` AND type = ANY($${params.length}::text[])`;
    }
    const rows = await this.run<EventRow & { horizon: string }>(
      `WITH h AS MATERIALIZED (SELECT pg_snapshot_xmin(pg_current_snapshot()) AS horizon)
       SELECT h.horizon::text AS horizon, e.* FROM h LEFT JOIN LATERAL (
         SELECT ${eventColumns} FROM es_events
         WHERE (transaction_id, position) > ($1::xid8, $2::bigint) AND transaction_id < h.horizon${filters}
         ORDER BY transaction_id, position LIMIT $3
       ) e ON true`,
      params,
    );
    const events = rows.filter((row) => row.event_id !== null).map(toRecordedEvent);
    const endOfLog = events.length < limit;
    const lastRead = events.at(-1)?.checkpoint ?? options.after ?? startOfLog;
    // Everything below the horizon has been read when the page was not full.
    const horizon = formatPgCheckpoint({ transactionId: BigInt(rows[0]!.horizon), position: 0n });
    const checkpoint = endOfLog && horizon > lastRead ? horizon : lastRead;
    return { events, checkpoint, endOfLog };
  }

  async streamExists(streamId: string): Promise<boolean> {
    assertValidStreamId(streamId);
    const rows = await this.run('SELECT 1 FROM es_streams WHERE stream_id = $1 AND revision >= 0', [
      streamId,
    ]);
    return rows.length > 0;
  }

  async head(): Promise<LogHead> {
    const rows = await this.run<{ position: string | number; txid: string }>(
      `SELECT position, transaction_id::text AS txid FROM es_events
       WHERE transaction_id < pg_snapshot_xmin(pg_current_snapshot())
       ORDER BY transaction_id DESC, position DESC LIMIT 1`,
    );
    const row = rows[0];
    if (!row) return { position: 0, checkpoint: startOfLog };
    return {
      position: Number(row.position),
      checkpoint: formatPgCheckpoint({
        transactionId: BigInt(row.txid),
        position: BigInt(row.position),
      }) as Checkpoint,
    };
  }

  /**
   * Reads see a transaction once the cluster-wide horizon (`pg_snapshot_xmin`) has passed it, so: take a
   * transaction id of our own (ids are handed out in order, so every append already writing holds a
   * smaller one), and wait until the horizon is above it. A snapshot's xmax would not do: it is only the
   * last completed id + 1, below transactions already writing.
   */
  async waitForAppendsInFlight(timeoutMs = 30_000): Promise<void> {
    const [started] = await this.run<{ next: string }>('SELECT pg_current_xact_id()::text AS next');
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const [horizon] = await this.run<{ passed: boolean }>(
        'SELECT pg_snapshot_xmin(pg_current_snapshot()) > $1::xid8 AS passed',
        [started!.next],
      );
      if (horizon!.passed) return;
      if (Date.now() >= deadline) {
        throw new AppError(
          'SERVICE_UNAVAILABLE',
          `Transactions that began before this wait are still open after ${timeoutMs} ms`,
        );
      }
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }

  watch(listener: () => void, filter?: WatchFilter): () => void {
    const categories = filter?.categories?.length ? new Set(filter.categories) : undefined;
    const watcher = { listener, categories };
    this.listeners.add(watcher);
    this.stopListening ??= this.sql.listen(notifyChannel, (payload) =>
      this.notifyLocal(payload ? new Set(payload.split(',')) : undefined),
    );
    // A failed LISTEN leaves watchers on local appends plus their own polling.
    this.stopListening.catch(() => {});
    return () => this.listeners.delete(watcher);
  }

  /** Wakes the watchers of any of `categories` (every watcher when they are unknown). */
  private notifyLocal(categories: ReadonlySet<string> | undefined): void {
    for (const { listener, categories: wanted } of this.listeners) {
      if (!categories || !wanted || [...wanted].some((category) => categories.has(category))) listener();
    }
  }

  async close(): Promise<void> {
    const unlisten = await this.stopListening?.catch(() => undefined);
    await unlisten?.();
  }

  private async run<Row>(text: string, params?: unknown[]): Promise<Row[]> {
    try {
      return await this.sql.query<Row>(text, params);
    } catch (error) {
      throw isConnectionError(error) ? new EventStoreUnavailableError(error) : error;
    }
  }
}

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
