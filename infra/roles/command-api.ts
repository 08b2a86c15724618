import cluster from 'node:cluster';
import type { ContainerModule } from 'inversify';
import { loadConfig, type Env } from '../config';
import { createLogger } from '../logging';
import { superviseWorkers } from './api-workers';
import { bookingModule } from './modules/booking-module';
import { waitingRoomModule } from './modules/waiting-room-module';
import { bookingLifecycleModule } from './modules/booking-lifecycle-module';
import { paymentGatewayModule } from './modules/payment-gateway-module';
import { catalogModule } from './modules/catalog-module';
import { identityModule } from './modules/identity-module';
import { inventoryModules } from './modules/inventory-module';
import { limitsModule } from './modules/limits-module';
import { runUntilSignalled } from './start';

/**
 * The command side alone: accounts, catalog writes, reservations (the hot path) with the inventory actor,
 * its provisioner and expiry sweeper. No projectors and no demo seed: in the distributed form those run
 * in their own processes, so nothing competes with reservations for this process's CPU.
 */
export const commandApiModules: readonly ContainerModule[] = [
  identityModule,
  catalogModule,
  ...inventoryModules,
  limitsModule,
  paymentGatewayModule,
  bookingLifecycleModule,
  waitingRoomModule,
  bookingModule,
];

/** One process, or with `API_WORKERS` > 1 a node:cluster primary and that many workers on one port. */
export async function run(_args: readonly string[], env: Env = process.env): Promise<void> {
  const config = loadConfig(env);
  if (config.apiWorkers <= 1 || !cluster.isPrimary) return runUntilSignalled(env, commandApiModules);
  const logger = createLogger({ serviceName: config.serviceName, logLevel: config.logLevel });
  superviseWorkers(config.apiWorkers, env, logger);
}
