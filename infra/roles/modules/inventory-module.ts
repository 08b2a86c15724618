import { ContainerModule } from 'inversify';
import { ZoneProvisioner } from '../../../command-side/booking';
import { ExpirySweeper } from '../../../command-side/expiry';
import {
  InventoryRecovery,
  LedgerReader,
  adminInventoryOperations,
  adminInventoryRoutes,
} from '../../../command-side/inventory-recovery';
import type { Config } from '../../config';
import { TOKENS } from '../../di';
import { InProcessInventoryActor } from '../../inventory/in-process';
import { RedisInventoryActor } from '../../inventory/redis';
import type { Logger } from '../../logging';
import type { EventStore } from '../../ports/event-store';
import type { InventoryActor } from '../../ports/inventory-actor';
import { recordingOnly, type Metrics } from '../../ports/metrics';
import { redisUnreachable } from '../startup-error';
import { InventoryTokens } from './inventory-tokens';

async function openActor(config: Config, metrics: Metrics): Promise<InventoryActor> {
  const target = config.redis;
  if (!target) return new InProcessInventoryActor();
  const recorded = recordingOnly(metrics);
  try {
    return await RedisInventoryActor.open({
      ...target,
      keyPrefix: config.redisKeyPrefix,
      ...(recorded && { metrics: recorded }),
    });
  } catch (error) {
    throw redisUnreachable(target, error);
  }
}

/**
 * The inventory actor alone (connected first, closed last) and its readiness probe: what a process that
 * confirms or returns seats needs (the saga), without the sweeper and the provisioner.
 */
export const inventoryActorModule = new ContainerModule(({ bind }) => {
  bind(InventoryTokens.Actor).toResolvedValue(openActor, [TOKENS.Config, TOKENS.Metrics]).inSingletonScope();
  bind(TOKENS.BackgroundService).toResolvedValue(
    (actor: InventoryActor) => ({
      name: 'inventory-actor',
      start: async () => {},
      stop: () => actor.close(),
    }),
    [InventoryTokens.Actor],
  );
  // `/ready` fails while the seat counters cannot be reached (Redis down): reservations would all be 503.
  bind(TOKENS.ReadinessCheck).toResolvedValue(
    (actor: InventoryActor) => ({
      name: 'inventory',
      check: () => actor.snapshot({ eventId: 'readiness-probe', zoneId: 'readiness-probe' }),
    }),
    [InventoryTokens.Actor],
  );
});

/**
 * The inventory actor's background services (load after `inventoryActorModule`): `inventory-expiry` (the sweeper that returns the
 * seats of expired holds) and `inventory-provisioner`, which gives every zone in the log a seat counter
 * before the process goes on (recovered from the event store when it is missing) and follows new zones
 * and capacity changes. Also the recovery the reserve path calls, and `GET /admin/inventory/:zoneId`.
 */
export const inventoryServicesModule = new ContainerModule(({ bind }) => {
  bind(InventoryTokens.Ledger)
    .toResolvedValue((store: EventStore) => new LedgerReader(store), [TOKENS.EventStore])
    .inSingletonScope();
  bind(InventoryTokens.Sweeper)
    .toResolvedValue(
      (config: Config, logger: Logger, store: EventStore, actor: InventoryActor) =>
        new ExpirySweeper(store, actor, {
          intervalMs: config.expirySweepIntervalMs,
          concurrency: config.expirySweepConcurrency,
          logger: logger.child({ component: 'inventory-expiry' }),
        }),
      [TOKENS.Config, TOKENS.Logger, TOKENS.EventStore, InventoryTokens.Actor],
    )
    .inSingletonScope();
  bind(InventoryTokens.Recovery)
    .toResolvedValue(
      (config: Config, logger: Logger, actor: InventoryActor, ledger: LedgerReader, sweeper: ExpirySweeper) =>
        new InventoryRecovery(actor, ledger, {
          // An in-process counter that is missing never existed, so no hold on it can be in flight.
          settleMs: actor instanceof InProcessInventoryActor ? 0 : config.inventoryRebuildSettleMs,
          logger: logger.child({ component: 'inventory-recovery' }),
          onStaleReservations: (holds) => sweeper.adopt(holds),
        }),
      [TOKENS.Config, TOKENS.Logger, InventoryTokens.Actor, InventoryTokens.Ledger, InventoryTokens.Sweeper],
    )
    .inSingletonScope();
  bind(InventoryTokens.Provisioner)
    .toResolvedValue(
      (
        config: Config,
        logger: Logger,
        store: EventStore,
        actor: InventoryActor,
        recovery: InventoryRecovery,
      ) =>
        new ZoneProvisioner(store, actor, recovery, {
          pollIntervalMs: config.projections.pollMs,
          logger: logger.child({ component: 'inventory-provisioner' }),
        }),
      [TOKENS.Config, TOKENS.Logger, TOKENS.EventStore, InventoryTokens.Actor, InventoryTokens.Recovery],
    )
    .inSingletonScope();
  // Services start in bind order and stop in reverse: the actor's module loads first so it closes
  // last, after the sweeper and the provisioner stopped using it.
  bind(TOKENS.BackgroundService).toResolvedValue(
    (sweeper: ExpirySweeper) => ({
      name: 'inventory-expiry',
      start: () => sweeper.start(),
      stop: () => sweeper.stop(),
    }),
    [InventoryTokens.Sweeper],
  );
  bind(TOKENS.BackgroundService).toResolvedValue(
    (provisioner: ZoneProvisioner) => ({
      name: 'inventory-provisioner',
      start: () => provisioner.start(),
      stop: () => provisioner.stop(),
    }),
    [InventoryTokens.Provisioner],
  );
  bind(TOKENS.ApiRoute).toResolvedValue(
    (actor: InventoryActor, ledger: LedgerReader) => ({
      path: '',
      handler: adminInventoryRoutes({ actor, reader: ledger }),
      operations: adminInventoryOperations,
    }),
    [InventoryTokens.Actor, InventoryTokens.Ledger],
  );
});
