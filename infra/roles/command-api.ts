import type { ContainerModule } from 'inversify';
import type { Env } from '../config';
import { bookingModule } from './modules/booking-module';
import { catalogModule } from './modules/catalog-module';
import { identityModule } from './modules/identity-module';
import { inventoryModule } from './modules/inventory-module';
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
  inventoryModule,
  limitsModule,
  bookingModule,
];

export const run = (_args: readonly string[], env: Env = process.env): Promise<void> =>
  runUntilSignalled(env, commandApiModules);
