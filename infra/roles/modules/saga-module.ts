import { ContainerModule } from 'inversify';
import type { BookingLifecycle } from '../../../command-side/booking';
import { ProjectionSupervisor, type SqlProjection } from '../../../projections';
import { SagaCommandScheduler, bookingSagaProjection, paymentStreamRequests } from '../../../sagas/booking';
import type { Config } from '../../config';
import { TOKENS } from '../../di';
import type { Logger } from '../../logging';
import type { EventStore } from '../../ports/event-store';
import type { Metrics } from '../../ports/metrics';
import type { SqlClient } from '../../ports/sql';
import { BookingTokens } from './booking-tokens';
import { SagaTokens } from './saga-tokens';

/**
 * The booking process manager: its state follows the log under the projections' runner (one active
 * instance), its commands and timeouts run from durable rows. Needs the booking lifecycle module.
 */
export const sagaModule = new ContainerModule(({ bind }) => {
  bind(SagaTokens.Runner)
    .toResolvedValue(
      (config: Config, logger: Logger, sql: SqlClient, store: EventStore, metrics: Metrics) => {
        const saga: SqlProjection = bookingSagaProjection({
          expiryGraceMs: config.saga.expiryGraceMs,
          metrics,
        });
        return ProjectionSupervisor.create(sql, store, [saga], {
          batchSize: config.projections.batchSize,
          pollIntervalMs: config.projections.pollMs,
          logger: logger.child({ component: 'booking-saga' }),
          metrics,
        });
      },
      [TOKENS.Config, TOKENS.Logger, TOKENS.SqlClient, TOKENS.EventStore, TOKENS.Metrics],
    )
    .inSingletonScope();
  bind(SagaTokens.Scheduler)
    .toResolvedValue(
      (
        config: Config,
        logger: Logger,
        sql: SqlClient,
        store: EventStore,
        bookings: BookingLifecycle,
        metrics: Metrics,
      ) =>
        new SagaCommandScheduler(
          sql,
          { store, bookings, payments: paymentStreamRequests(store) },
          {
            pollMs: config.saga.pollMs,
            leaseMs: config.saga.commandLeaseMs,
            logger: logger.child({ component: 'saga-scheduler' }),
            metrics,
          },
        ),
      [
        TOKENS.Config,
        TOKENS.Logger,
        TOKENS.SqlClient,
        TOKENS.EventStore,
        BookingTokens.Lifecycle,
        TOKENS.Metrics,
      ],
    )
    .inSingletonScope();
  bind(TOKENS.BackgroundService).toResolvedValue(
    (runner: ProjectionSupervisor, scheduler: SagaCommandScheduler) => ({
      name: 'booking-saga',
      start: async () => {
        await runner.startAll();
        await scheduler.start();
      },
      stop: async () => {
        await scheduler.stop();
        await runner.stopAll();
      },
    }),
    [SagaTokens.Runner, SagaTokens.Scheduler],
  );
});
