import { ContainerModule } from 'inversify';
import { DocumentProjectionSupervisor, type DocumentProjection } from '../../../projections/documents';
import type { Config } from '../../config';
import { TOKENS } from '../../di';
import type { Logger } from '../../logging';
import type { DocumentStore } from '../../ports/document-store';
import type { EventStore } from '../../ports/event-store';
import type { Metrics } from '../../ports/metrics';
import type { SqlClient } from '../../ports/sql';
import { DocumentTokens } from './document-tokens';

/**
 * Runs every document projection bound to `DocumentTokens.Projection` (needs the document
 * store module): one active process per projection when the store is MongoDB, every process
 * its own copy when it is in memory.
 */
export const documentProjectionsModule = new ContainerModule(({ bind }) => {
  bind(DocumentTokens.Supervisor)
    .toResolvedValue(
      (
        config: Config,
        logger: Logger,
        sql: SqlClient,
        store: EventStore,
        documents: DocumentStore,
        shared: boolean,
        projections: DocumentProjection[] | undefined,
        metrics: Metrics,
      ) =>
        DocumentProjectionSupervisor.create({ store, documents, sql }, projections ?? [], {
          batchSize: config.projections.batchSize,
          pollIntervalMs: config.projections.pollMs,
          exclusive: shared,
          logger: logger.child({ component: 'document-projections' }),
          metrics,
        }),
      [
        TOKENS.Config,
        TOKENS.Logger,
        TOKENS.SqlClient,
        TOKENS.EventStore,
        DocumentTokens.Store,
        DocumentTokens.Shared,
        { serviceIdentifier: DocumentTokens.Projection, isMultiple: true, optional: true },
        TOKENS.Metrics,
      ],
    )
    .inSingletonScope();
  bind(TOKENS.BackgroundService).toResolvedValue(
    (supervisor: DocumentProjectionSupervisor) => ({
      name: 'document-projections',
      start: () => supervisor.startAll(),
      stop: () => supervisor.stopAll(),
    }),
    [DocumentTokens.Supervisor],
  );
});
