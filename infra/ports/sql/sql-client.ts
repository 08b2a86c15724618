/** What runs SQL: the client itself or an open transaction. */
export interface SqlExecutor {
  /** One parameterised statement; returns its rows. */
  query<Row = Record<string, unknown>>(text: string, params?: readonly unknown[]): Promise<Row[]>;
  /** Several statements without parameters (schema scripts). */
  exec(script: string): Promise<void>;
}

/** A session-level lock held until released (or until the holder's connection ends). */
export interface SqlLock {
  release(): Promise<void>;
}

/**
 * The narrow SQL port shared by the event store, read models, checkpoints and saga state. Adapters:
 * `pg` against a PostgreSQL server and PGlite in-process; one contract suite runs against both.
 */
export interface SqlClient extends SqlExecutor {
  readonly driver: 'postgres' | 'pglite';
  /** Runs `work` in one transaction: committed when it resolves, rolled back when it throws. */
  transaction<T>(work: (tx: SqlExecutor) => Promise<T>): Promise<T>;
  /** Takes the named exclusive lock if no other holder has it; `null` when it is taken. */
  tryLock(name: string): Promise<SqlLock | null>;
  /** LISTEN on a channel; resolves to an unsubscribe function. */
  listen(channel: string, onNotify: (payload: string) => void): Promise<() => Promise<void>>;
  close(): Promise<void>;
}
