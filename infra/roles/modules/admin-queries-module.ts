import { ContainerModule } from 'inversify';
import type { ProjectionSupervisor } from '../../../projections';
import type { DocumentProjectionSupervisor } from '../../../projections/documents';
import {
  ProjectionControl,
  adminEventOperations,
  adminEventRoutes,
  adminProjectionOperations,
  adminProjectionRoutes,
} from '../../../query-side/admin';
import { TOKENS } from '../../di';
import type { Logger } from '../../logging';
import type { EventStore } from '../../ports/event-store';
import { DocumentTokens } from './document-tokens';
import { SagaTokens } from './saga-tokens';

/**
 * The admin stream browser, global feed and projection status/rebuilds under `/api/v1`. Lists the SQL
 * projections (`projections-module.ts`) and, when their modules are loaded, the booking saga and the
 * document projections.
 */
export const adminQueriesModule = new ContainerModule(({ bind }) => {
  bind(TOKENS.ApiRoute).toResolvedValue(
    (store: EventStore) => ({
      path: '',
      handler: adminEventRoutes(store),
      operations: adminEventOperations,
    }),
    [TOKENS.EventStore],
  );
  bind(TOKENS.ApiRoute).toResolvedValue(
    (
      logger: Logger,
      projections: ProjectionSupervisor,
      saga: ProjectionSupervisor | undefined,
      documents: DocumentProjectionSupervisor | undefined,
    ) => {
      const log = logger.child({ component: 'admin-projections' });
      const supervisors = [projections, saga, documents].filter((supervisor) => supervisor !== undefined);
      const control = new ProjectionControl(supervisors, (name, error) =>
        log.error('projection rebuild ended without finishing', {
          projection: name,
          error: error instanceof Error ? error.message : String(error),
        }),
      );
      return { path: '', handler: adminProjectionRoutes(control), operations: adminProjectionOperations };
    },
    [
      TOKENS.Logger,
      TOKENS.Projections,
      { serviceIdentifier: SagaTokens.Runner, optional: true },
      { serviceIdentifier: DocumentTokens.Supervisor, optional: true },
    ],
  );
});
