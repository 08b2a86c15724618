import { PGlite } from '@electric-sql/pglite';
import type { Metrics } from '../../ports/metrics';
import type { SqlClient, SqlExecutor, SqlLock } from '../../ports/sql';
import { inQuerySpan, inTransactionSpan, type SqlTarget } from '../shared/query-span';

type PGliteLike = Pick<PGlite, 'query' | 'exec'>;

/**
 * Every statement of this client, in a transaction or not, runs through here: its span when traced, its
 * duration when metrics are recorded. PGlite's one database has no server: no address or port.
 */
function executorFor(db: PGliteLike, target: SqlTarget): SqlExecutor {
  return {
    async query<Row>(text: string, params?: readonly unknown[]) {
      const result = await inQuerySpan(target, text, () =>
        db.query<Row>(text, params as unknown[] | undefined),
      );
      return result.rows;
    },
    async exec(script: string) {
      await inQuerySpan(target, script, () => db.exec(script));
    },
  };
}

/**
 * SqlClient over PGlite, Postgres compiled to WASM running in this process. One connection serves
 * everything, so advisory locks (re-entrant within a session) are replaced by in-process ones.
 */
export class PGliteSqlClient implements SqlClient {
  readonly driver = 'pglite' as const;
  private readonly heldLocks = new Set<string>();
  private readonly executor: SqlExecutor;

  private constructor(
    private readonly db: PGlite,
    private readonly target: SqlTarget,
  ) {
    this.executor = executorFor(db, target);
  }

  /** `dataDir` undefined keeps the database in memory; with `metrics`, every statement is timed. */
  static async open(
    dataDir?: string,
    options: { readonly metrics?: Pick<Metrics, 'dbOperation'> } = {},
  ): Promise<PGliteSqlClient> {
    const db = await PGlite.create(dataDir);
    return new PGliteSqlClient(db, {
      namespace: 'postgres',
      ...(options.metrics && { metrics: options.metrics }),
    });
  }

  query<Row = Record<string, unknown>>(text: string, params?: readonly unknown[]): Promise<Row[]> {
    return this.executor.query<Row>(text, params);
  }

  exec(script: string): Promise<void> {
    return this.executor.exec(script);
  }

  transaction<T>(work: (tx: SqlExecutor) => Promise<T>): Promise<T> {
    return inTransactionSpan(this.target, () =>
      this.db.transaction((tx) => work(executorFor(tx, this.target))),
    );
  }

  async tryLock(name: string): Promise<SqlLock | null> {
    if (this.heldLocks.has(name)) return null;
    this.heldLocks.add(name);
    return { release: async () => void this.heldLocks.delete(name) };
  }

  async listen(channel: string, onNotify: (payload: string) => void): Promise<() => Promise<void>> {
    return this.db.listen(channel, onNotify);
  }

  async close(): Promise<void> {
    await this.db.close();
  }
}
