import type { Checkpoint, EventStore } from '../../infra/ports/event-store';
import type { SqlClient } from '../../infra/ports/sql';
import { ProjectionNotFoundError } from './errors';
import { ProjectionRunner } from './projection-runner';
import type { ProjectionRunnerOptions } from './runner-options';
import type { SqlProjection } from './sql-projection';
import type { ProjectionStatus } from './status';

/** The runners of one process: started, stopped, listed and rebuilt by name (admin API, CLI). */
export class ProjectionSupervisor {
  private readonly runners = new Map<string, ProjectionRunner>();

  constructor(runners: readonly ProjectionRunner[]) {
    const owners = new Map<string, string>();
    for (const runner of runners) {
      if (this.runners.has(runner.name)) throw new TypeError(`Two projections are named ${runner.name}`);
      this.runners.set(runner.name, runner);
      for (const table of runner.projection.tables) {
        const owner = owners.get(table);
        if (owner) throw new TypeError(`Projections ${owner} and ${runner.name} both own table ${table}`);
        owners.set(table, runner.name);
      }
    }
  }

  static create(
    sql: SqlClient,
    store: EventStore,
    projections: readonly SqlProjection[],
    options: ProjectionRunnerOptions = {},
  ): ProjectionSupervisor {
    return new ProjectionSupervisor(
      projections.map((projection) => new ProjectionRunner(sql, store, projection, options)),
    );
  }

  get names(): string[] {
    return [...this.runners.keys()];
  }

  runner(name: string): ProjectionRunner {
    const runner = this.runners.get(name);
    if (!runner) throw new ProjectionNotFoundError(name);
    return runner;
  }

  async startAll(): Promise<void> {
    await Promise.all([...this.runners.values()].map((runner) => runner.start()));
  }

  async stopAll(): Promise<void> {
    await Promise.all([...this.runners.values()].map((runner) => runner.stop()));
  }

  list(): Promise<ProjectionStatus[]> {
    return Promise.all([...this.runners.values()].map((runner) => runner.status()));
  }

  /** Rebuilds one projection; resolves once its new generation is live. */
  async rebuild(name: string): Promise<void> {
    await this.runner(name).rebuild();
  }

  async waitForAll(checkpoint: Checkpoint, timeoutMs?: number): Promise<void> {
    await Promise.all([...this.runners.values()].map((runner) => runner.waitFor(checkpoint, timeoutMs)));
  }
}
