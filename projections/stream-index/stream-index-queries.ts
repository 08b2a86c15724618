import type { SqlExecutor } from '../../infra/ports/sql';
import { streamIndexTable, type StreamIndexRow } from './stream-index-projection';

type Row = {
  stream_id: string;
  category: string;
  revision: string | number;
  last_type: string;
  last_position: string | number;
  event_count: string | number;
  updated_at: Date | string;
};

function toStreamIndexRow(row: Row): StreamIndexRow {
  return {
    streamId: row.stream_id,
    category: row.category,
    revision: Number(row.revision),
    lastType: row.last_type,
    lastPosition: Number(row.last_position),
    eventCount: Number(row.event_count),
    updatedAt: new Date(row.updated_at),
  };
}

/** Streams of a category (or all), in stream id order, read through the logical view. */
export async function listStreams(
  db: SqlExecutor,
  options: { category?: string; after?: string; limit?: number } = {},
): Promise<StreamIndexRow[]> {
  const rows = await db.query<Row>(
    `SELECT * FROM ${streamIndexTable}
     WHERE ($1::text IS NULL OR category = $1) AND stream_id > $2
     ORDER BY stream_id LIMIT $3`,
    [options.category ?? null, options.after ?? '', options.limit ?? 100],
  );
  return rows.map(toStreamIndexRow);
}
