import { categoryOf, type RecordedEvent } from '../../infra/ports/event-store';
import type { SqlExecutor } from '../../infra/ports/sql';
import type { SqlProjection, TableNames } from '../runner';

export const streamIndexTable = 'rm_stream_index';

/** One row per stream: where it ends and how many events it holds (admin stream browser, replay benchmark). */
export type StreamIndexRow = {
  readonly streamId: string;
  readonly category: string;
  readonly revision: number;
  readonly lastType: string;
  readonly lastPosition: number;
  readonly eventCount: number;
  /** Time of the stream's last event, so a rebuild reproduces the table exactly. */
  readonly updatedAt: Date;
};

async function setup(tx: SqlExecutor, tables: TableNames): Promise<void> {
  const table = tables.get(streamIndexTable);
  await tx.exec(`
    CREATE TABLE ${table} (
      stream_id text PRIMARY KEY,
      category text NOT NULL,
      revision bigint NOT NULL,
      last_type text NOT NULL,
      last_position bigint NOT NULL,
      event_count bigint NOT NULL,
      updated_at timestamptz NOT NULL
    );
    CREATE INDEX ${table}_category ON ${table} (category, stream_id);`);
}

/** One multi-row upsert per batch; several events of one stream collapse into one row first. */
async function apply(tx: SqlExecutor, events: readonly RecordedEvent[], tables: TableNames): Promise<void> {
  const byStream = new Map<string, { last: RecordedEvent; count: number }>();
  for (const event of events) {
    const seen = byStream.get(event.streamId);
    // Within a stream the log order is revision order, so the latest event of the batch wins.
    if (seen) byStream.set(event.streamId, { last: event, count: seen.count + 1 });
    else byStream.set(event.streamId, { last: event, count: 1 });
  }
  const rows = [...byStream.values()];
  const table = tables.get(streamIndexTable);
  await tx.query(
    `INSERT INTO ${table} AS t (stream_id, category, revision, last_type, last_position, event_count, updated_at)
     SELECT * FROM unnest($1::text[], $2::text[], $3::bigint[], $4::text[], $5::bigint[], $6::bigint[], $7::timestamptz[])
     ON CONFLICT (stream_id) DO UPDATE SET
       revision = EXCLUDED.revision,
       last_type = EXCLUDED.last_type,
       last_position = EXCLUDED.last_position,
       event_count = t.event_count + EXCLUDED.event_count,
       updated_at = EXCLUDED.updated_at`,
    [
      rows.map((row) => row.last.streamId),
      rows.map((row) => categoryOf(row.last.streamId)),
      rows.map((row) => row.last.revision),
      rows.map((row) => row.last.type),
      rows.map((row) => row.last.position),
      rows.map((row) => row.count),
      rows.map((row) => row.last.createdAt.toISOString()),
    ],
  );
}

export const streamIndexProjection: SqlProjection = {
  name: 'stream-index',
  version: 1,
  tables: [streamIndexTable],
  setup,
  apply,
};
