import type { ServiceIdentifier } from 'inversify';
import type { ZoneProvisioner } from '../../../command-side/booking';
import type { ExpirySweeper } from '../../../command-side/expiry';
import type { InventoryActor } from '../../ports/inventory-actor';
import type { InventoryRecovery, LedgerReader } from '../../../command-side/inventory-recovery';

/** What the inventory modules bind. All resolve asynchronously (`getAsync`): the actor connects first. */
export const InventoryTokens = {
  /** The seat counters: Redis + Lua on `REDIS_URL` or `REDIS_CLUSTER_NODES`, else the in-process actor. */
  Actor: Symbol('InventoryActor') as ServiceIdentifier<InventoryActor>,
  /** Follows the catalog's zones into the actor. */
  Provisioner: Symbol('ZoneProvisioner') as ServiceIdentifier<ZoneProvisioner>,
  /** The booking ledger, caught up from the log only when asked (recovery, admin view). */
  Ledger: Symbol('LedgerReader') as ServiceIdentifier<LedgerReader>,
  /** Rebuilds a zone's missing counter from the event store: `recover({ eventId, zoneId })`. */
  Recovery: Symbol('InventoryRecovery') as ServiceIdentifier<InventoryRecovery>,
  /** Releases due holds and appends their BookingExpired. */
  Sweeper: Symbol('ExpirySweeper') as ServiceIdentifier<ExpirySweeper>,
} as const;
