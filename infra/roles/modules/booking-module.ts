import { ContainerModule } from 'inversify';
import type { BookingLifecycle } from '../../../command-side/booking';
import {
  SeatReservations,
  bookingCommandOperations,
  bookingCommandRoutes,
  type CardTokenizer,
  seatsTakenFromActor,
  zoneSeatsGauge,
} from '../../../command-side/booking';
import type { CatalogViewFollower } from '../../../command-side/catalog';
import type { InventoryRecovery } from '../../../command-side/inventory-recovery';
import type { QueuePasses } from '../../../command-side/waiting-room';
import type { Config } from '../../config';
import { TOKENS } from '../../di';
import { availabilityFromActor } from '../../inventory/zone-availability';
import type { Logger } from '../../logging';
import type { EventStore } from '../../ports/event-store';
import type { IdempotencyStore } from '../../ports/idempotency-store';
import type { InventoryActor } from '../../ports/inventory-actor';
import type { Metrics } from '../../ports/metrics';
import type { RateLimiter } from '../../ports/rate-limiter';
import { BookingTokens } from './booking-tokens';
import { CatalogTokens } from './catalog-tokens';
import { InventoryTokens } from './inventory-tokens';
import { LimitsTokens } from './limits-tokens';
import { PaymentTokens } from './payment-tokens';
import { WaitingRoomTokens } from './waiting-room-tokens';

const warner = (logger: Logger) => (message: string, details: Record<string, unknown>) =>
  logger.warn(message, details);

/**
 * Reservations, the booking routes under `/api/v1` (over the lifecycle of `booking-lifecycle-module.ts`),
 * and the catalog's two seat questions answered by the inventory actor. Needs the catalog, inventory,
 * limits, payment gateway and waiting-room modules.
 */
export const bookingModule = new ContainerModule(({ bind }) => {
  bind(BookingTokens.Reservations)
    .toResolvedValue(
      (
        config: Config,
        logger: Logger,
        store: EventStore,
        actor: InventoryActor,
        catalog: CatalogViewFollower,
        recovery: InventoryRecovery,
        passes: QueuePasses,
        metrics: Metrics,
      ) =>
        new SeatReservations({
          store,
          actor,
          catalog: catalog.view,
          recovery,
          passes,
          holdTtlMs: config.reservationTtlSeconds * 1000,
          bucket: config.rateLimits.reserve,
          onWarning: warner(logger.child({ component: 'reservations' })),
          metrics,
        }),
      [
        TOKENS.Config,
        TOKENS.Logger,
        TOKENS.EventStore,
        InventoryTokens.Actor,
        CatalogTokens.View,
        InventoryTokens.Recovery,
        WaitingRoomTokens.Passes,
        TOKENS.Metrics,
      ],
    )
    .inSingletonScope();
  bind(TOKENS.BackgroundService).toResolvedValue(
    (metrics: Metrics, actor: InventoryActor, catalog: CatalogViewFollower) =>
      zoneSeatsGauge(metrics, actor, catalog.view),
    [TOKENS.Metrics, InventoryTokens.Actor, CatalogTokens.View],
  );
  bind(CatalogTokens.SeatsTaken).toResolvedValue(
    (actor: InventoryActor, catalog: CatalogViewFollower) =>
      seatsTakenFromActor(actor, (zoneId) => catalog.view.eventIdOfZone(zoneId)),
    [InventoryTokens.Actor, CatalogTokens.View],
  );
  bind(CatalogTokens.ZoneAvailability).toResolvedValue(availabilityFromActor, [InventoryTokens.Actor]);
  bind(TOKENS.ApiRoute).toResolvedValue(
    (
      config: Config,
      reservations: SeatReservations,
      lifecycle: BookingLifecycle,
      idempotency: IdempotencyStore,
      rateLimiter: RateLimiter,
      tokenizer: CardTokenizer,
    ) => ({
      path: '/bookings',
      handler: bookingCommandRoutes({
        reservations,
        lifecycle,
        idempotency,
        rateLimiter,
        tokenizer,
        rateLimits: config.rateLimits,
      }),
      operations: bookingCommandOperations,
    }),
    [
      TOKENS.Config,
      BookingTokens.Reservations,
      BookingTokens.Lifecycle,
      LimitsTokens.Idempotency,
      LimitsTokens.RateLimiter,
      PaymentTokens.Gateway,
    ],
  );
});
