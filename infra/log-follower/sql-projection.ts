import type { RecordedEvent } from '../ports/event-store';
import type { SqlExecutor } from '../ports/sql';
import type { LogFilter } from './read-page';

/** Which events a projection reads; the event store filters them, the checkpoint still passes the rest. */
export type ProjectionFilter = LogFilter;

/**
 * Physical table names of one generation of a projection. Query code reads the logical name (a view
 * over the active generation); only `setup` and `apply` write the physical tables.
 */
export interface TableNames {
  readonly generation: number;
  /** `rm_stream_index` → `rm_stream_index_g3`; throws for a name the projection does not own. */
  get(logical: string): string;
}

/**
 * A Postgres read model fed from the global log: the SQL projections and the booking saga (which keeps its
 * state and its scheduled commands the same way). `apply` runs in the same transaction as the checkpoint
 * update, so each event takes effect exactly once; it must write only through `tx`.
 */
export interface SqlProjection {
  /** Stable name, e.g. `stream-index`; keys the state row and the single-instance lock. */
  readonly name: string;
  /** Bump when the tables or the logic change: the next start rebuilds from the first event. */
  readonly version: number;
  /** Logical names of the tables it owns; each becomes a view over the active generation. */
  readonly tables: readonly string[];
  readonly filter?: ProjectionFilter;
  /** Creates the tables (and their indexes, named after the physical table) of one generation. */
  setup(tx: SqlExecutor, tables: TableNames): Promise<void>;
  apply(tx: SqlExecutor, events: readonly RecordedEvent[], tables: TableNames): Promise<void>;
}
