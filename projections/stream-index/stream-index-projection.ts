import { categoryOf, type RecordedEvent } from '../../infra/ports/event-store';
import type { SqlExecutor } from '../../infra/ports/sql';
import type { SqlProjection, TableNames } from '../runner';
import { setupStreamIndexTable, streamColumns, streamIndexTable, type StreamRow } from './schema';

const columns = Object.keys(streamColumns) as (keyof StreamRow)[];
const arrays = columns.map((column, index) => `$${index + 1}::${streamColumns[column]}[]`).join(', ');

/** One multi-row upsert per batch; several events of one stream collapse into one row first. */
async function apply(tx: SqlExecutor, events: readonly RecordedEvent[], tables: TableNames): Promise<void> {
  const byStream = new Map<string, { last: RecordedEvent; count: number }>();
  for (const event of events) {
    const seen = byStream.get(event.streamId);
    // Within a stream the log order is revision order, so the latest event of the batch wins.
    if (seen) byStream.set(event.streamId, { last: event, count: seen.count + 1 });
    else byStream.set(event.streamId, { last: event, count: 1 });
  }
  const rows = [...byStream.values()].map(({ last, count }): StreamRow => ({
    stream_id: last.streamId,
    category: categoryOf(last.streamId),
    revision: last.revision,
    last_type: last.type,
    last_position: last.position,
    event_count: count,
    updated_at: last.createdAt.toISOString(),
  }));
  const table = tables.get(streamIndexTable);
  await tx.query(
    `INSERT INTO ${table} AS t (${columns.join(', ')})
     SELECT * FROM unnest(${arrays})
     ON CONFLICT (stream_id) DO UPDATE SET
       revision = EXCLUDED.revision,
       last_type = EXCLUDED.last_type,
       last_position = EXCLUDED.last_position,
       event_count = t.event_count + EXCLUDED.event_count,
       updated_at = EXCLUDED.updated_at`,
    columns.map((column) => rows.map((row) => row[column])),
  );
}

/** One row per stream: where it ends and how many events it holds (admin stream browser, replay benchmark). */
export const streamIndexProjection: SqlProjection = {
  name: 'stream-index',
  version: 1,
  tables: [streamIndexTable],
  setup: setupStreamIndexTable,
  apply,
};
