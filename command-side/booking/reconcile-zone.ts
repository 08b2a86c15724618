import type { InventoryActor } from '../../infra/ports/inventory-actor';
import type { ZoneCapacity } from './zone-capacities';

export type ReconcileOutcome = 'provisioned' | 'adjusted' | 'unchanged' | 'below-committed';

/**
 * Brings a zone's counter to the catalog's capacity: creates it when absent, otherwise moves capacity by
 * (target − current capacity). Comparing against the counter instead of adding the event's delta makes a
 * replay of the same log a no-op, however often the process restarts. A rebuilding zone throws, so the
 * caller retries later; a target below the seats already held or sold is left for an operator.
 * The provisioner recovers an absent counter from the event store before it gets here; creating one
 * with every seat free is only the fallback for a zone the recovery did not find in the log.
 */
export async function reconcileZone(actor: InventoryActor, target: ZoneCapacity): Promise<ReconcileOutcome> {
  const { eventId, zoneId, capacity } = target;
  let snapshot = await actor.snapshot({ eventId, zoneId });
  if (!snapshot) {
    if ((await actor.provisionZone({ eventId, zoneId, capacity })).created) return 'provisioned';
    // Someone else created it between our two calls: reconcile against what they wrote.
    snapshot = await actor.snapshot({ eventId, zoneId });
    if (!snapshot) throw new Error(`Zone ${zoneId} was neither provisioned nor readable`);
  }
  if (snapshot.capacity === capacity) return 'unchanged';
  const result = await actor.adjustCapacity({ eventId, zoneId, delta: capacity - snapshot.capacity });
  if (result.ok) return 'adjusted';
  if (result.reason === 'BELOW_COMMITTED') return 'below-committed';
  throw new Error(`Zone ${zoneId} could not be adjusted: ${result.reason}`);
}
