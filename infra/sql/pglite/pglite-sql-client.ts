import { PGlite } from '@electric-sql/pglite';
import type { SqlClient, SqlExecutor, SqlLock } from '../../ports/sql';
import { inQuerySpan, inTransactionSpan, type SqlTarget } from '../shared/query-span';

type PGliteLike = Pick<PGlite, 'query' | 'exec'>;

/** PGlite's one database (it has no server: no address or port). */
const target: SqlTarget = { namespace: 'postgres' };

/**
 * Every statement of this client, in a transaction or not, runs through here: its span when traced, and
 * the one place to time a statement.
 */
function statement<T>(text: string, run: () => Promise<T>): Promise<T> {
  return inQuerySpan(target, text, run);
}

function executorFor(db: PGliteLike): SqlExecutor {
  return {
    async query<Row>(text: string, params?: readonly unknown[]) {
      const result = await statement(text, () => db.query<Row>(text, params as unknown[] | undefined));
      return result.rows;
    },
    async exec(script: string) {
      await statement(script, () => db.exec(script));
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

  private constructor(private readonly db: PGlite) {
    this.executor = executorFor(db);
  }

  /** `dataDir` undefined keeps the database in memory. */
  static async open(dataDir?: string): Promise<PGliteSqlClient> {
    const db = await PGlite.create(dataDir);
    return new PGliteSqlClient(db);
  }

  query<Row = Record<string, unknown>>(text: string, params?: readonly unknown[]): Promise<Row[]> {
    return this.executor.query<Row>(text, params);
  }

  exec(script: string): Promise<void> {
    return this.executor.exec(script);
  }

  transaction<T>(work: (tx: SqlExecutor) => Promise<T>): Promise<T> {
    return inTransactionSpan(target, () => this.db.transaction((tx) => work(executorFor(tx))));
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
