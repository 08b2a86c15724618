import { ContainerModule } from 'inversify';
import { BookingLifecycle } from '../../../command-side/booking';
import type { CatalogViewFollower } from '../../../command-side/catalog';
import { TOKENS } from '../../di';
import type { Logger } from '../../logging';
import type { EventStore } from '../../ports/event-store';
import type { InventoryActor } from '../../ports/inventory-actor';
import { BookingTokens } from './booking-tokens';
import { CatalogTokens } from './catalog-tokens';
import { InventoryTokens } from './inventory-tokens';

/**
 * The booking lifecycle over the event store and the inventory actor. The catalog view, when this
 * process has one, tells a confirmed booking's show start (its refund policy); the saga needs none.
 */
export const bookingLifecycleModule = new ContainerModule(({ bind }) => {
  bind(BookingTokens.Lifecycle)
    .toResolvedValue(
      (
        logger: Logger,
        store: EventStore,
        actor: InventoryActor,
        catalog: CatalogViewFollower | undefined,
      ) => {
        const bookingsLogger = logger.child({ component: 'bookings' });
        return new BookingLifecycle({
          store,
          actor,
          ...(catalog ? { showStartOf: (zoneId: string) => catalog.view.zone(zoneId)?.showStartsAt } : {}),
          onWarning: (message, details) => bookingsLogger.warn(message, details),
        });
      },
      [
        TOKENS.Logger,
        TOKENS.EventStore,
        InventoryTokens.Actor,
        { serviceIdentifier: CatalogTokens.View, optional: true },
      ],
    )
    .inSingletonScope();
});
