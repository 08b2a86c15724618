import { randomUUID } from 'node:crypto';
import { GroupCommit } from '../../infra/eventstore/postgres/group-commit';
import type { SqlClient } from '../../infra/ports/sql';
import { streamIndexProjection } from '../../projections/stream-index';
import type { RecordedEvent } from '../../infra/ports/event-store';
import type { EventRow } from '../../infra/eventstore/postgres/rows';
import type { AppendPhaseOptions } from './append-phase';
import { sampleEvents } from './sample-events';

/**
 * The floor our event store and runner are compared with, measured in the same run: the same events
 * written by the same group commit as one plain multi-row INSERT per batch (no stream revisions, no
 * expected-state checks, no idempotency), and read back by position with the same projection apply
 * (no checkpoints, no horizon).
 */
export async function baselineAppend(sql: SqlClient, options: AppendPhaseOptions): Promise<number> {
  await sql.exec(`
    CREATE TABLE baseline_events (
      position bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      event_id uuid NOT NULL UNIQUE, stream_id text NOT NULL, type text NOT NULL,
      data jsonb NOT NULL, metadata jsonb NOT NULL, created_at timestamptz NOT NULL DEFAULT now())`);
  const group = new GroupCommit<string, true>(
    async (rows) => {
      await sql.query(
        `INSERT INTO baseline_events (event_id, stream_id, type, data, metadata)
         SELECT (r->>'i')::uuid, r->>'s', r->>'t', r->'d', r->'m' FROM jsonb_array_elements($1::jsonb) AS r`,
        [`[${rows.join(',')}]`],
      );
      return rows.map(() => true as const);
    },
    { maxBatchSize: 500, maxConcurrentFlushes: 2 },
  );
  let next = 0;
  const started = performance.now();
  const worker = async () => {
    while (next < options.events) {
      const first = next;
      const count = Math.min(options.eventsPerAppend, options.events - first);
      next += count;
      const stream = `bench-${first % options.streams}`;
      await Promise.all(
        sampleEvents(first, count).map((event) =>
          group.submit(
            JSON.stringify({ i: randomUUID(), s: stream, t: event.type, d: event.data, m: event.metadata }),
          ),
        ),
      );
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, worker));
  return (performance.now() - started) / 1000;
}

type BaselineRow = Omit<EventRow, 'txid' | 'revision'>;

export async function baselineReplay(sql: SqlClient, batchSize: number): Promise<number> {
  const tables = { generation: 0, get: () => 'baseline_stream_index' };
  await sql.transaction((tx) => streamIndexProjection.setup(tx, tables));
  const started = performance.now();
  let after: string | number = 0;
  for (;;) {
    const rows: BaselineRow[] = await sql.query<BaselineRow>(
      'SELECT * FROM baseline_events WHERE position > $1 ORDER BY position LIMIT $2',
      [after, batchSize],
    );
    if (rows.length === 0) break;
    const events: RecordedEvent[] = rows.map((row) => ({
      id: row.event_id,
      streamId: row.stream_id,
      type: row.type,
      data: row.data,
      metadata: row.metadata,
      revision: 0,
      position: Number(row.position),
      checkpoint: String(row.position) as RecordedEvent['checkpoint'],
      createdAt: row.created_at,
    }));
    await sql.transaction((tx) => streamIndexProjection.apply(tx, events, tables));
    after = rows.at(-1)!.position;
  }
  return (performance.now() - started) / 1000;
}
