import pg from 'pg';
import type { Metrics } from '../../ports/metrics';
import type { SqlClient, SqlExecutor, SqlLock } from '../../ports/sql';
import { lockKeySql } from '../shared/identifiers';
import {
  inQuerySpan,
  inTransactionSpan,
  targetOfConnectionString,
  type SqlTarget,
} from '../shared/query-span';
import { ReconnectingListener } from './reconnecting-listener';

export type PgSqlClientOptions = {
  readonly connectionString: string;
  readonly maxConnections?: number;
  readonly applicationName?: string;
  /** Where every statement's duration is recorded. */
  readonly metrics?: Pick<Metrics, 'dbOperation'>;
};

/**
 * Every statement of this client, on the pool or in a transaction, runs through here: its span when
 * traced, and the one place to time a statement.
 */
function statement(
  target: SqlTarget,
  client: pg.Pool | pg.PoolClient,
  text: string,
  params?: readonly unknown[],
): Promise<pg.QueryResult> {
  return inQuerySpan(target, text, () => client.query(text, params as unknown[] | undefined));
}

function executorFor(target: SqlTarget, client: pg.Pool | pg.PoolClient): SqlExecutor {
  return {
    async query<Row>(text: string, params?: readonly unknown[]) {
      const result = await statement(target, client, text, params);
      return result.rows as Row[];
    },
    async exec(script: string) {
      await statement(target, client, script);
    },
  };
}

/** SqlClient over a `pg` pool against a real PostgreSQL server. */
export class PgSqlClient implements SqlClient {
  readonly driver = 'postgres' as const;
  private readonly pool: pg.Pool;
  private readonly executor: SqlExecutor;
  private readonly target: SqlTarget;

  constructor(private readonly options: PgSqlClientOptions) {
    this.pool = new pg.Pool({
      connectionString: options.connectionString,
      max: options.maxConnections ?? 10,
      application_name: options.applicationName ?? 'booking-rush',
      connectionTimeoutMillis: 5_000,
    });
    // An idle client losing its connection must not crash the process; the next query reports it.
    this.pool.on('error', () => {});
    this.target = {
      ...targetOfConnectionString(options.connectionString),
      ...(options.metrics && { metrics: options.metrics }),
    };
    this.executor = executorFor(this.target, this.pool);
  }

  query<Row = Record<string, unknown>>(text: string, params?: readonly unknown[]): Promise<Row[]> {
    return this.executor.query<Row>(text, params);
  }

  exec(script: string): Promise<void> {
    return this.executor.exec(script);
  }

  transaction<T>(work: (tx: SqlExecutor) => Promise<T>): Promise<T> {
    return inTransactionSpan(this.target, () => this.inTransaction(work));
  }

  private async inTransaction<T>(work: (tx: SqlExecutor) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    const tx = executorFor(this.target, client);
    let broken = false;
    try {
      await tx.exec('BEGIN');
      const result = await work(tx);
      await tx.exec('COMMIT');
      return result;
    } catch (error) {
      await tx.exec('ROLLBACK').catch(() => {
        broken = true;
      });
      throw error;
    } finally {
      client.release(broken);
    }
  }

  /**
   * Each held lock keeps a session of its own, outside the pool: a process holding many locks
   * (projections, saga, relay, document projections) must not starve its queries of connections.
   */
  async tryLock(name: string): Promise<SqlLock | null> {
    const client = new pg.Client({
      connectionString: this.options.connectionString,
      application_name: `${this.options.applicationName ?? 'booking-rush'}:lock`,
      connectionTimeoutMillis: 5_000,
    });
    let released = false;
    // The server ending this session also ends the lock; the guarded checkpoint keeps writers honest.
    client.on('error', () => {
      released = true;
      void client.end().catch(() => {});
    });
    try {
      await client.connect();
      const { rows } = await client.query(`SELECT pg_try_advisory_lock(${lockKeySql}) AS taken`, [name]);
      if (rows[0]?.taken !== true) {
        await client.end().catch(() => {});
        return null;
      }
    } catch (error) {
      await client.end().catch(() => {});
      throw error;
    }
    return {
      release: async () => {
        if (released) return;
        released = true;
        await client.query(`SELECT pg_advisory_unlock(${lockKeySql})`, [name]).catch(() => {});
        await client.end().catch(() => {});
      },
    };
  }

  async listen(channel: string, onNotify: (payload: string) => void): Promise<() => Promise<void>> {
    const listener = new ReconnectingListener(this.pool, channel, onNotify);
    await listener.connect();
    return () => listener.stop();
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}
