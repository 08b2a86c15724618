import type { Checkpoint, EventStore } from '../../infra/ports/event-store';
import type { DocumentStore } from '../../infra/ports/document-store';
import type { SqlClient } from '../../infra/ports/sql';
import { ProjectionNotFoundError } from '../runner/errors';
import type { ProjectionStatus } from '../runner/status';
import type { DocumentProjection } from './document-projection';
import { DocumentProjectionRunner, type DocumentRunnerOptions } from './document-runner';

/** The document projections of one process: started, stopped, listed and rebuilt by name. */
export class DocumentProjectionSupervisor {
  private readonly runners = new Map<string, DocumentProjectionRunner>();

  constructor(runners: readonly DocumentProjectionRunner[]) {
    const owners = new Map<string, string>();
    for (const runner of runners) {
      if (this.runners.has(runner.name)) throw new TypeError(`Two projections are named ${runner.name}`);
      this.runners.set(runner.name, runner);
      for (const collection of runner.projection.collections) {
        const owner = owners.get(collection);
        if (owner) {
          throw new TypeError(`Projections ${owner} and ${runner.name} both own collection ${collection}`);
        }
        owners.set(collection, runner.name);
      }
    }
  }

  static create(
    deps: { store: EventStore; documents: DocumentStore; sql?: SqlClient },
    projections: readonly DocumentProjection[],
    options: DocumentRunnerOptions = {},
  ): DocumentProjectionSupervisor {
    return new DocumentProjectionSupervisor(
      projections.map(
        (projection) =>
          new DocumentProjectionRunner(deps.store, deps.documents, projection, { ...options, sql: deps.sql }),
      ),
    );
  }

  get names(): string[] {
    return [...this.runners.keys()];
  }

  runner(name: string): DocumentProjectionRunner {
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

  async rebuild(name: string): Promise<void> {
    await this.runner(name).rebuild();
  }

  async waitForAll(checkpoint: Checkpoint, timeoutMs?: number): Promise<void> {
    await Promise.all([...this.runners.values()].map((runner) => runner.waitFor(checkpoint, timeoutMs)));
  }
}
