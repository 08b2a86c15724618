import { ContainerModule } from 'inversify';
import type { ProjectionSupervisor } from '../../../projections';
import type { DocumentProjectionSupervisor } from '../../../projections/documents';
import {
  ProjectionControl,
  SystemOverview,
  adminEventOperations,
  adminEventRoutes,
  adminProjectionOperations,
  adminProjectionRoutes,
  adminSystemOperations,
  adminSystemRoutes,
} from '../../../query-side/admin';
import type { Config } from '../../config';
import { TOKENS } from '../../di';
import { apiVersion } from '../../http';
import type { Logger } from '../../logging';
import { SystemReport } from '../../metrics';
import type { EventStore } from '../../ports/event-store';
import type { Metrics } from '../../ports/metrics';
import { AdminTokens } from './admin-tokens';
import { DocumentTokens } from './document-tokens';
import { SagaTokens } from './saga-tokens';

const supervisorTokens = [
  TOKENS.Projections,
  { serviceIdentifier: SagaTokens.Runner, optional: true },
  { serviceIdentifier: DocumentTokens.Supervisor, optional: true },
] as const;

/**
 * The admin stream browser, global feed, projection status/rebuilds and the System page's figures under
 * `/api/v1`. Lists the SQL projections (`projections-module.ts`) and, when their modules are loaded, the
 * booking saga and the document projections.
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
    [TOKENS.Logger, ...supervisorTokens],
  );
  bind(AdminTokens.SystemReport)
    .toResolvedValue(
      (config: Config, metrics: Metrics) =>
        new SystemReport(metrics, { role: config.serviceName, version: apiVersion }),
      [TOKENS.Config, TOKENS.Metrics],
    )
    .inSingletonScope();
  // The report's ring of counter snapshots runs while the process does.
  bind(TOKENS.BackgroundService).toResolvedValue(
    (report: SystemReport) => ({
      name: 'system-report',
      start: () => report.start(),
      stop: () => report.stop(),
    }),
    [AdminTokens.SystemReport],
  );
  bind(TOKENS.ApiRoute).toResolvedValue(
    (
      report: SystemReport,
      store: EventStore,
      projections: ProjectionSupervisor,
      saga: ProjectionSupervisor | undefined,
      documents: DocumentProjectionSupervisor | undefined,
    ) => {
      const supervisors = [projections, saga, documents].filter((supervisor) => supervisor !== undefined);
      return {
        path: '',
        handler: adminSystemRoutes(new SystemOverview(report, supervisors, store)),
        operations: adminSystemOperations,
      };
    },
    [AdminTokens.SystemReport, TOKENS.EventStore, ...supervisorTokens],
  );
});
