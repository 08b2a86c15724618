import type { InventoryActor } from '../../infra/ports/inventory-actor';
import type { SeatsTaken } from '../catalog';

/** Seats held or sold in a zone, from the actor's live counter (0 for a zone it has no counter for yet). */
export function seatsTakenFromActor(
  actor: InventoryActor,
  eventIdOfZone: (zoneId: string) => string | undefined,
): SeatsTaken {
  return {
    async seatsTaken(zoneId) {
      const eventId = eventIdOfZone(zoneId);
      if (eventId === undefined) return 0;
      const snapshot = await actor.snapshot({ eventId, zoneId });
      return snapshot ? snapshot.held + snapshot.confirmed : 0;
    },
  };
}
