import type { AppendResult, EventStore } from '../../infra/ports/event-store';
import type { SqlClient } from '../../infra/ports/sql';
import { ProjectionRunner, type ProjectionRunnerOptions, type SqlProjection } from '../runner';
import type { Driver, OpenedDatabase } from './drivers';

/** Test timings: fast polling and retries so awaiters resolve quickly. */
export const fastOptions: ProjectionRunnerOptions = {
  batchSize: 50,
  pollIntervalMs: 25,
  lockRetryMs: 25,
  retryBaseMs: 5,
  retryMaxMs: 100,
};

/** One fresh database per test; stops every runner it made and closes everything it opened. */
export class Harness {
  private readonly runners: ProjectionRunner[] = [];
  private readonly closers: Array<() => Promise<void>> = [];

  private constructor(private readonly db: OpenedDatabase) {}

  static async open(driver: Driver): Promise<Harness> {
    return new Harness(await driver.open());
  }

  get sql(): SqlClient {
    return this.db.sql;
  }

  get store(): EventStore {
    return this.db.store;
  }

  /** Another "process" on the same database. */
  async connect(): Promise<{ sql: SqlClient; store: EventStore }> {
    const other = await this.db.connect();
    this.closers.push(other.close);
    return other;
  }

  runner(
    projection: SqlProjection,
    options: ProjectionRunnerOptions = {},
    on: { sql: SqlClient; store: EventStore } = this.db,
  ): ProjectionRunner {
    const runner = new ProjectionRunner(on.sql, on.store, projection, { ...fastOptions, ...options });
    this.runners.push(runner);
    return runner;
  }

  /** Appends `count` events to one stream, one append per event; returns the last append's result. */
  async append(streamId: string, count = 1, type = 'TestHappened'): Promise<AppendResult> {
    let result: AppendResult | undefined;
    for (let index = 0; index < count; index += 1) {
      result = await this.store.append(streamId, [{ type, data: { index } }]);
    }
    if (!result) throw new TypeError('append at least one event');
    return result;
  }

  /** Appends to `streams` streams in turn, `perStream` events each, in one append per stream. */
  async appendMany(category: string, streams: number, perStream: number): Promise<AppendResult> {
    const appends = Array.from({ length: streams }, (_, stream) =>
      this.store.append(
        `${category}-${stream}`,
        Array.from({ length: perStream }, (_, index) => ({ type: `Step${index % 3}`, data: { index } })),
      ),
    );
    const results = await Promise.all(appends);
    return results.reduce((latest, result) => (result.checkpoint > latest.checkpoint ? result : latest));
  }

  async close(): Promise<void> {
    await Promise.all(this.runners.map((runner) => runner.stop()));
    for (const close of this.closers) await close();
    await this.db.close();
  }
}
