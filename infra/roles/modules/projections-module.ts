import { ContainerModule } from 'inversify';
import { ProjectionSupervisor, type SqlProjection } from '../../../projections';
import { bookingsProjection } from '../../../projections/bookings';
import { catalogProjection } from '../../../projections/catalog';
import { streamIndexProjection } from '../../../projections/stream-index';
import type { Config } from '../../config';
import { TOKENS } from '../../di';
import type { Logger } from '../../logging';
import type { EventStore } from '../../ports/event-store';
import type { Metrics } from '../../ports/metrics';
import type { SqlClient } from '../../ports/sql';

/** Every SQL read model of the product; each later feature adds its projection here. */
export const sqlProjections: readonly SqlProjection[] = [
  streamIndexProjection,
  catalogProjection,
  bookingsProjection,
];

/** Runs the SQL projections beside the server and exposes the supervisor (admin status, rebuilds). */
export const projectionsModule = new ContainerModule(({ bind }) => {
  bind(TOKENS.Projections)
    .toResolvedValue(
      (config: Config, logger: Logger, sql: SqlClient, store: EventStore, metrics: Metrics) =>
        ProjectionSupervisor.create(sql, store, sqlProjections, {
          batchSize: config.projections.batchSize,
          pollIntervalMs: config.projections.pollMs,
          logger: logger.child({ component: 'projections' }),
          metrics,
        }),
      [TOKENS.Config, TOKENS.Logger, TOKENS.SqlClient, TOKENS.EventStore, TOKENS.Metrics],
    )
    .inSingletonScope();
  bind(TOKENS.BackgroundService).toResolvedValue(
    (projections: ProjectionSupervisor) => ({
      name: 'projections',
      start: () => projections.startAll(),
      stop: () => projections.stopAll(),
    }),
    [TOKENS.Projections],
  );
});
