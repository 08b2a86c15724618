import type { ContainerModule } from 'inversify';
import { identityModule } from './modules/identity-module';
import { inventoryModules } from './modules/inventory-module';
import { catalogModule } from './modules/catalog-module';
import { demoSeedModule } from './modules/demo-seed-module';
import { projectionsModule } from './modules/projections-module';
import { bookingModule } from './modules/booking-module';
import { waitingRoomModule } from './modules/waiting-room-module';
import { bookingLifecycleModule } from './modules/booking-lifecycle-module';
import { paymentGatewayModule } from './modules/payment-gateway-module';
import { bookingQueriesModule } from './modules/booking-queries-module';
import { adminQueriesModule } from './modules/admin-queries-module';
import { limitsModule } from './modules/limits-module';
import { sagaModule } from './modules/saga-module';
import { integrationBusModule } from './modules/integration-bus-module';
import { relayModule } from './modules/relay-module';
import { paymentServiceModule } from './modules/payment-service-module';
import { documentStoreModule } from './modules/document-store-module';
import { documentProjectionsModule } from './modules/document-projections-module';
import { auditModule } from './modules/audit-module';
import { analyticsModule } from './modules/analytics-module';
import { notificationsModule } from './modules/notifications-module';
import { webModule } from './modules/web-module';

/** The document store and the runner of the document projections (bound by the feature modules). */
export const documentModules: readonly ContainerModule[] = [documentStoreModule, documentProjectionsModule];

/** The integration bus and the relay that feeds it from the event store. */
export const relayModules: readonly ContainerModule[] = [integrationBusModule, relayModule];
/** The payment service (load after the bus). */
export const paymentServiceModules: readonly ContainerModule[] = [paymentServiceModule];

/** The payment flow: bus and relay, the booking saga with its scheduler, the payment service. */
export const paymentFlowModules: readonly ContainerModule[] = [
  ...relayModules,
  sagaModule,
  ...paymentServiceModules,
];

/**
 * THE HOOK for features of the embedded process. Each module binds its contributions:
 * `TOKENS.BackgroundService` (projection supervisor, saga scheduler, relay — started after the stores
 * open and before the server listens, stopped in reverse on shutdown), `TOKENS.ApiRoute` (routers under
 * `/api/v1`) and `TOKENS.ReadinessCheck` (probes behind `GET /ready`). All are multi-bound: add, never replace.
 */
export const embeddedModules: readonly ContainerModule[] = [
  projectionsModule,
  ...documentModules,
  demoSeedModule,
  identityModule,
  catalogModule,
  ...inventoryModules,
  limitsModule,
  paymentGatewayModule,
  bookingLifecycleModule,
  waitingRoomModule,
  bookingModule,
  bookingQueriesModule,
  adminQueriesModule,
  auditModule,
  analyticsModule,
  ...paymentFlowModules,
  notificationsModule,
  webModule,
];

/** The modules that run on the integration bus (tests without the payment flow leave them out). */
export const busModules: readonly ContainerModule[] = [...paymentFlowModules, notificationsModule];
