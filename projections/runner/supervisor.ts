import type { EventStore } from '../../infra/ports/event-store';
import type { SqlClient } from '../../infra/ports/sql';
import { ProjectionRunner } from './projection-runner';
import { RunnerSupervisor } from './runner-supervisor';
import type { ProjectionRunnerOptions } from './runner-options';
import type { SqlProjection } from '../../infra/log-follower';

/** The SQL projections' runners of one process. */
export class ProjectionSupervisor extends RunnerSupervisor<ProjectionRunner> {
  constructor(runners: readonly ProjectionRunner[]) {
    super(runners, { kind: 'table', of: (runner) => runner.projection.tables });
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
}
