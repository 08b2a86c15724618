import type { InventoryActor } from '../ports/inventory-actor';
import type { ZoneAvailability } from '../ports/zone-availability';

/**
 * Live seats per zone from the inventory actor's counters, for `GET /shows/:id/zones`. A zone without a
 * counter yet (the provisioner is a moment behind the catalog) shows its capacity: nobody could book it.
 */
export function availabilityFromActor(actor: InventoryActor): ZoneAvailability {
  return {
    async available(zones) {
      const counts = await Promise.all(
        zones.map(async (zone) => {
          const snapshot = await actor.snapshot({ eventId: zone.eventId, zoneId: zone.id });
          return [zone.id, snapshot ? snapshot.available : zone.capacity] as const;
        }),
      );
      return new Map(counts);
    },
  };
}
