import { ContainerModule } from 'inversify';
import type { ProjectionSupervisor } from '../../../projections';
import { ProjectionControl, adminEventRoutes, adminProjectionRoutes } from '../../../query-side/admin';
import { TOKENS } from '../../di';
import type { Logger } from '../../logging';
import type { EventStore } from '../../ports/event-store';
import { SagaTokens } from './saga-module';

/**
 * The admin stream browser, global feed and projection status/rebuilds under `/api/v1`. Lists the SQL
 * projections (`projections-module.ts`) and, when the saga module is loaded, the booking saga.
 */
export const adminQueriesModule = new ContainerModule(({ bind }) => {
  bind(TOKENS.ApiRoute).toResolvedValue(
    (store: EventStore) => ({ path: '', handler: adminEventRoutes(store) }),
    [TOKENS.EventStore],
  );
  bind(TOKENS.ApiRoute).toResolvedValue(
    (logger: Logger, projections: ProjectionSupervisor, saga: ProjectionSupervisor | undefined) => {
      const log = logger.child({ component: 'admin-projections' });
      const control = new ProjectionControl(saga ? [projections, saga] : [projections], (name, error) =>
        log.error('projection rebuild ended without finishing', {
          projection: name,
          error: error instanceof Error ? error.message : String(error),
        }),
      );
      return { path: '', handler: adminProjectionRoutes(control) };
    },
    [TOKENS.Logger, TOKENS.Projections, { serviceIdentifier: SagaTokens.Runner, optional: true }],
  );
});
