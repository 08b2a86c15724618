import type { RecordedEvent } from '../../infra/ports/event-store';
import type { SqlExecutor } from '../../infra/ports/sql';
import type { ProjectionFilter, SqlProjection } from '../runner';

export type RecordingOptions = {
  readonly name?: string;
  readonly version?: number;
  readonly table?: string;
  readonly filter?: ProjectionFilter;
  /** Stored in every row: tells which projection version wrote it. */
  readonly tag?: string;
};

export type AppliedRow = {
  readonly eventId: string;
  readonly streamId: string;
  readonly position: number;
  readonly tag: string;
};

/**
 * Records every applied event as a row. Deliberately no unique constraint: an event applied twice
 * shows up as a duplicate row instead of failing the batch.
 */
export function recordingProjection(options: RecordingOptions = {}): SqlProjection {
  const table = options.table ?? 'rm_test_applied';
  const tag = options.tag ?? 'v1';
  return {
    name: options.name ?? 'recorder',
    version: options.version ?? 1,
    tables: [table],
    ...(options.filter ? { filter: options.filter } : {}),
    async setup(tx, tables) {
      await tx.exec(
        `CREATE TABLE ${tables.get(table)} (event_id text NOT NULL, stream_id text NOT NULL, position bigint NOT NULL, tag text NOT NULL)`,
      );
    },
    async apply(tx, events: readonly RecordedEvent[], tables) {
      await tx.query(
        `INSERT INTO ${tables.get(table)} (event_id, stream_id, position, tag)
         SELECT e.id, e.stream, e.pos, $4 FROM unnest($1::text[], $2::text[], $3::bigint[]) AS e(id, stream, pos)`,
        [events.map((e) => e.id), events.map((e) => e.streamId), events.map((e) => e.position), tag],
      );
    },
  };
}

/** Rows through the logical view (or any table), in log position order. */
export async function readApplied(db: SqlExecutor, table = 'rm_test_applied'): Promise<AppliedRow[]> {
  const rows = await db.query<{
    event_id: string;
    stream_id: string;
    position: string | number;
    tag: string;
  }>(`SELECT event_id, stream_id, position, tag FROM ${table} ORDER BY position, event_id`);
  return rows.map((row) => ({
    eventId: row.event_id,
    streamId: row.stream_id,
    position: Number(row.position),
    tag: row.tag,
  }));
}
