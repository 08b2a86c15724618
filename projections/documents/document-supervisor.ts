import type { DocumentStore } from '../../infra/ports/document-store';
import type { EventStore } from '../../infra/ports/event-store';
import type { SqlClient } from '../../infra/ports/sql';
import { RunnerSupervisor } from '../runner/runner-supervisor';
import type { DocumentProjection } from './document-projection';
import { DocumentProjectionRunner, type DocumentRunnerOptions } from './document-runner';

/** The document projections' runners of one process. */
export class DocumentProjectionSupervisor extends RunnerSupervisor<DocumentProjectionRunner> {
  constructor(runners: readonly DocumentProjectionRunner[]) {
    super(runners, { kind: 'collection', of: (runner) => runner.projection.collections });
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
}
