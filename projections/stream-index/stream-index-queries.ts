import type { SqlExecutor } from '../../infra/ports/sql';
import { streamColumns, streamIndexTable, type SelectedStreamRow } from './schema';

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

const columns = Object.keys(streamColumns).join(', ');

function toStreamIndexRow(row: SelectedStreamRow): StreamIndexRow {
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
  const rows = await db.query<SelectedStreamRow>(
    `SELECT ${columns} FROM ${streamIndexTable}
     WHERE ($1::text IS NULL OR category = $1) AND stream_id > $2
     ORDER BY stream_id LIMIT $3`,
    [options.category ?? null, options.after ?? '', options.limit ?? 100],
  );
  return rows.map(toStreamIndexRow);
}
