import { ContainerModule, type ServiceIdentifier } from 'inversify';
import { ZoneProvisioner } from '../../../command-side/booking';
import type { InventoryActor } from '../../../command-side/inventory';
import type { Config } from '../../config';
import { TOKENS } from '../../di';
import { InProcessInventoryActor } from '../../inventory/in-process';
import { RedisInventoryActor } from '../../inventory/redis';
import type { Logger } from '../../logging';
import type { EventStore } from '../../ports/event-store';
import { StartupError, connectionReason, endpointOf } from '../startup-error';

/** What the inventory module binds. Both resolve asynchronously (`getAsync`): the actor connects first. */
export const InventoryTokens = {
  /** The seat counters: Redis + Lua when `REDIS_URL` is set, else the in-process actor. */
  Actor: Symbol('InventoryActor') as ServiceIdentifier<InventoryActor>,
  /** Follows the catalog's zones into the actor. */
  Provisioner: Symbol('ZoneProvisioner') as ServiceIdentifier<ZoneProvisioner>,
} as const;

async function openActor(config: Config): Promise<InventoryActor> {
  const url = config.redisUrl;
  if (!url) return new InProcessInventoryActor();
  try {
    return await RedisInventoryActor.open({ url });
  } catch (error) {
    throw new StartupError(
      `REDIS_URL: cannot connect to ${endpointOf(url, 6379)} (${connectionReason(error)})`,
      {
        cause: error,
      },
    );
  }
}

/**
 * The inventory actor and the `inventory-provisioner` background service, which gives every zone in
 * the log a seat counter before the process goes on (and follows new zones and capacity changes).
 */
export const inventoryModule = new ContainerModule(({ bind }) => {
  bind(InventoryTokens.Actor).toResolvedValue(openActor, [TOKENS.Config]).inSingletonScope();
  bind(InventoryTokens.Provisioner)
    .toResolvedValue(
      (config: Config, logger: Logger, store: EventStore, actor: InventoryActor) =>
        new ZoneProvisioner(store, actor, {
          pollIntervalMs: config.projections.pollMs,
          logger: logger.child({ component: 'inventory-provisioner' }),
        }),
      [TOKENS.Config, TOKENS.Logger, TOKENS.EventStore, InventoryTokens.Actor],
    )
    .inSingletonScope();
  // Bound first, so it stops last: the actor closes after the provisioner stopped using it.
  bind(TOKENS.BackgroundService).toResolvedValue(
    (actor: InventoryActor) => ({
      name: 'inventory-actor',
      start: async () => {},
      stop: () => actor.close(),
    }),
    [InventoryTokens.Actor],
  );
  bind(TOKENS.BackgroundService).toResolvedValue(
    (provisioner: ZoneProvisioner) => ({
      name: 'inventory-provisioner',
      start: () => provisioner.start(),
      stop: () => provisioner.stop(),
    }),
    [InventoryTokens.Provisioner],
  );
});
