// The read model of this projection, as its queries (stream-index-queries.ts) read it: the one place its
// table, columns and row are declared, so a renamed column fails to compile on both sides.
import type { TableNames } from '../../infra/log-follower';
import type { SelectedRow, SqlExecutor } from '../../infra/ports/sql';

/** Logical name: queries read this view, which points at the active generation. */
export const streamIndexTable = 'rm_stream_index';

/** A row as written: one per stream, where it ends and how many events it holds. */
export type StreamRow = {
  stream_id: string;
  category: string;
  revision: number;
  last_type: string;
  last_position: number;
  event_count: number;
  /** Time of the stream's last event, so a rebuild reproduces the table exactly. */
  updated_at: string;
};

/** A row as a query selects it. */
export type SelectedStreamRow = SelectedRow<
  StreamRow,
  'revision' | 'last_position' | 'event_count',
  'updated_at'
>;

/** Every column with its SQL type, in table order: the projection's bulk insert casts its arrays to them. */
export const streamColumns = {
  stream_id: 'text',
  category: 'text',
  revision: 'bigint',
  last_type: 'text',
  last_position: 'bigint',
  event_count: 'bigint',
  updated_at: 'timestamptz',
} as const satisfies Record<keyof StreamRow, string>;

export async function setupStreamIndexTable(tx: SqlExecutor, tables: TableNames): Promise<void> {
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
