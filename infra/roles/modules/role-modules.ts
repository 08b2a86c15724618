import type { ContainerModule } from 'inversify';
import { adminQueriesModule } from './admin-queries-module';
import { analyticsModule } from './analytics-module';
import { auditModule } from './audit-module';
import { bookingLifecycleModule } from './booking-lifecycle-module';
import { bookingModule } from './booking-module';
import { bookingQueriesModule } from './booking-queries-module';
import { catalogModule } from './catalog-module';
import { demoSeedModule } from './demo-seed-module';
import { documentProjectionsModule } from './document-projections-module';
import { documentStoreModule } from './document-store-module';
import { identityModule } from './identity-module';
import { integrationBusModule } from './integration-bus-module';
import { inventoryActorModule, inventoryServicesModule } from './inventory-module';
import { limitsModule } from './limits-module';
import { notificationsModule } from './notifications-module';
import { paymentGatewayModule } from './payment-gateway-module';
import { paymentServiceModule } from './payment-service-module';
import { projectionsModule } from './projections-module';
import { relayModule } from './relay-module';
import { sagaModule } from './saga-module';
import { waitingRoomModule } from './waiting-room-module';
import { webModule } from './web-module';

type Modules = readonly ContainerModule[];

/** The integration bus and the relay that feeds it from the event store. */
export const relayModules: Modules = [integrationBusModule, relayModule];
/** The payment service (after the bus, so the bus closes after it). */
export const paymentServiceModules: Modules = [paymentServiceModule];
/** The modules that run on the integration bus (tests without the payment flow leave them out). */
export const busModules: Modules = [
  ...relayModules,
  sagaModule,
  ...paymentServiceModules,
  notificationsModule,
];

/**
 * The command side: accounts, catalog writes, reservations (the hot path) with the inventory actor, its
 * provisioner and expiry sweeper, the waiting room.
 */
const commandSide: Modules = [
  identityModule,
  catalogModule,
  inventoryActorModule,
  inventoryServicesModule,
  limitsModule,
  paymentGatewayModule,
  bookingLifecycleModule,
  waitingRoomModule,
  bookingModule,
];

/**
 * Each role of `infra/cli/roles.ts` that runs a container, and the feature modules it loads (the
 * container's core — config, logger, stores, HTTP app — is `embedded-container.ts`'s). A module binds
 * its own tokens, each once, so the bindings hold in any order; the order here is the order background
 * services start in (they stop in reverse: a store or a bus closes after its users) and routes mount in.
 *
 * THE HOOK for a feature: add its module to the roles that run it. Its contributions are multi-bound
 * (`TOKENS.BackgroundService`, `TOKENS.ApiRoute`, `TOKENS.ReadinessCheck`): add, never replace.
 */
export const roleModules = {
  /**
   * Everything in one process, the web app included. The demo seed starts before identity, so it looks
   * at the store before the bootstrap admin is written.
   */
  start: [
    projectionsModule,
    documentStoreModule,
    documentProjectionsModule,
    demoSeedModule,
    ...commandSide,
    bookingQueriesModule,
    adminQueriesModule,
    auditModule,
    analyticsModule,
    ...busModules,
    webModule,
  ],
  /**
   * The command side alone. No projectors and no demo seed: in the distributed form those run in their
   * own processes, so nothing competes with reservations for this process's CPU.
   */
  'command-api': commandSide,
  /** The booking process manager: confirms and returns seats through the inventory actor. */
  saga: [inventoryActorModule, bookingLifecycleModule, sagaModule],
  /** The payment service: payment requests from the bus, the gateway, outcomes to the event store. */
  payment: [integrationBusModule, paymentGatewayModule, ...paymentServiceModules],
  /** Booking, payment and catalog events from the event store to the bus. */
  relay: relayModules,
  /** Booking and payment events from the bus to e-mails, state in the document store. */
  notifier: [integrationBusModule, documentStoreModule, notificationsModule],
} as const satisfies Record<string, Modules>;

/** A role that runs a container. */
export type ContainerRole = keyof typeof roleModules;
