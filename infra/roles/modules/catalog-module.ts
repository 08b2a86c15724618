import { ContainerModule } from 'inversify';
import {
  CatalogCommands,
  CatalogView,
  CatalogViewFollower,
  catalogCommandOperations,
  catalogCommandRoutes,
  type SeatsTaken,
} from '../../../command-side/catalog';
import { catalogQueryOperations, catalogQueryRoutes } from '../../../query-side/catalog';
import type { Config } from '../../config';
import { TOKENS } from '../../di';
import type { Logger } from '../../logging';
import type { EventStore } from '../../ports/event-store';
import type { SqlClient } from '../../ports/sql';
import type { ZoneAvailability } from '../../ports/zone-availability';
import { CatalogTokens } from './catalog-tokens';

/**
 * Events, shows and zones: the command and query routes under `/api/v1`, and the in-memory catalog view
 * as a background service (it reads the whole log before the server accepts requests). The read models
 * are the `catalog` projection in `projections-module.ts`. It asks two seat questions it does not answer
 * (`CatalogTokens.SeatsTaken`, `CatalogTokens.ZoneAvailability`): the booking module binds them.
 */
export const catalogModule = new ContainerModule(({ bind }) => {
  bind(CatalogTokens.View)
    .toResolvedValue(
      (config: Config, logger: Logger, store: EventStore) =>
        new CatalogViewFollower(store, new CatalogView(), {
          // Same fallback as the projectors: the view follows wake-ups, polling only covers missed ones.
          pollIntervalMs: config.projections.pollMs,
          logger: logger.child({ component: 'catalog-view' }),
        }),
      [TOKENS.Config, TOKENS.Logger, TOKENS.EventStore],
    )
    .inSingletonScope();
  bind(CatalogTokens.Commands)
    .toResolvedValue(
      (store: EventStore, follower: CatalogViewFollower, seatsTaken: SeatsTaken) =>
        new CatalogCommands({ store, view: follower.view, seatsTaken }),
      [TOKENS.EventStore, CatalogTokens.View, CatalogTokens.SeatsTaken],
    )
    .inSingletonScope();
  bind(TOKENS.BackgroundService).toResolvedValue(
    (view: CatalogViewFollower) => ({
      name: 'catalog-view',
      start: () => view.start(),
      stop: () => view.stop(),
    }),
    [CatalogTokens.View],
  );
  bind(TOKENS.ApiRoute).toResolvedValue(
    (commands: CatalogCommands) => ({
      path: '',
      handler: catalogCommandRoutes(commands),
      operations: catalogCommandOperations,
    }),
    [CatalogTokens.Commands],
  );
  bind(TOKENS.ApiRoute).toResolvedValue(
    (sql: SqlClient, availability: ZoneAvailability) => ({
      path: '',
      handler: catalogQueryRoutes(sql, availability),
      operations: catalogQueryOperations,
    }),
    [TOKENS.SqlClient, CatalogTokens.ZoneAvailability],
  );
});
