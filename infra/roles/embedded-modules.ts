import type { ContainerModule } from 'inversify';
import { identityModule } from './modules/identity-module';
import { inventoryModule } from './modules/inventory-module';
import { catalogModule } from './modules/catalog-module';
import { demoSeedModule } from './modules/demo-seed-module';
import { projectionsModule } from './modules/projections-module';
import { bookingModule } from './modules/booking-module';
import { bookingQueriesModule } from './modules/booking-queries-module';
import { limitsModule } from './modules/limits-module';

/**
 * THE HOOK for features of the embedded process. Each module binds its contributions:
 * `TOKENS.BackgroundService` (projection supervisor, saga scheduler, relay — started after the stores
 * open and before the server listens, stopped in reverse on shutdown), `TOKENS.ApiRoute` (routers under
 * `/api/v1`) and `TOKENS.ReadinessCheck` (probes behind `GET /ready`). All are multi-bound: add, never replace.
 */
export const embeddedModules: readonly ContainerModule[] = [
  projectionsModule,
  demoSeedModule,
  identityModule,
  catalogModule,
  inventoryModule,
  limitsModule,
  bookingModule,
  bookingQueriesModule,
];
