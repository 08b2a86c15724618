import { ContainerModule } from 'inversify';
import type { Config } from '../../config';
import { TOKENS } from '../../di';
import { IntegrationRelay } from '../../integration-relay';
import type { Logger } from '../../logging';
import type { EventStore } from '../../ports/event-store';
import type { Metrics } from '../../ports/metrics';
import type { IntegrationBus } from '../../ports/integration-bus';
import type { SqlClient } from '../../ports/sql';
import { IntegrationTokens } from './integration-tokens';

/** Publishes booking, payment and catalog events to the bus (one active relay; others stand by). */
export const relayModule = new ContainerModule(({ bind }) => {
  bind(IntegrationTokens.Relay)
    .toResolvedValue(
      (
        config: Config,
        logger: Logger,
        store: EventStore,
        sql: SqlClient,
        bus: IntegrationBus,
        metrics: Metrics,
      ) =>
        new IntegrationRelay(
          { store, sql, bus },
          {
            topicPrefix: config.bus.topicPrefix,
            pollIntervalMs: config.projections.pollMs,
            logger: logger.child({ component: 'integration-relay' }),
            metrics,
          },
        ),
      [
        TOKENS.Config,
        TOKENS.Logger,
        TOKENS.EventStore,
        TOKENS.SqlClient,
        IntegrationTokens.Bus,
        TOKENS.Metrics,
      ],
    )
    .inSingletonScope();
  bind(TOKENS.BackgroundService).toService(IntegrationTokens.Relay);
});
