import { ContainerModule, type ServiceIdentifier } from 'inversify';
import {
  CatalogCommands,
  CatalogView,
  CatalogViewFollower,
  catalogCommandOperations,
  catalogCommandRoutes,
  noBookingsYetSeatsTaken,
  type SeatsTaken,
} from '../../../command-side/catalog';
import {
  capacityUntilBookingsExist,
  catalogQueryOperations,
  catalogQueryRoutes,
} from '../../../query-side/catalog';
import type { Config } from '../../config';
import { TOKENS } from '../../di';
import type { Logger } from '../../logging';
import type { EventStore } from '../../ports/event-store';
import type { SqlClient } from '../../ports/sql';
import type { ZoneAvailability } from '../../ports/zone-availability';

/** What the catalog module binds; the booking issue rebinds the two placeholders to the inventory actor. */
export const CatalogTokens = {
  /** The in-memory catalog (zone → show, event, price, sale window, limit) and its log follower. */
  View: Symbol('CatalogView') as ServiceIdentifier<CatalogViewFollower>,
  Commands: Symbol('CatalogCommands') as ServiceIdentifier<CatalogCommands>,
  /** Placeholder: 0 seats taken until bookings exist. */
  SeatsTaken: Symbol('SeatsTaken') as ServiceIdentifier<SeatsTaken>,
  /** Placeholder: available = capacity until bookings exist. */
  ZoneAvailability: Symbol('ZoneAvailability') as ServiceIdentifier<ZoneAvailability>,
} as const;

/**
 * Events, shows and zones: the command and query routes under `/api/v1`, and the in-memory catalog view
 * as a background service (it reads the whole log before the server accepts requests). The read models
 * are the `catalog` projection in `projections-module.ts`.
 */
export const catalogModule = new ContainerModule(({ bind }) => {
  bind(CatalogTokens.SeatsTaken).toConstantValue(noBookingsYetSeatsTaken);
  bind(CatalogTokens.ZoneAvailability).toConstantValue(capacityUntilBookingsExist);
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
