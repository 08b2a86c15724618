import type { ZoneAvailability } from '../../infra/ports/zone-availability';

/**
 * Every seat of every zone, which is exact only while nobody can book: the booking issue replaces it
 * with the inventory actor's live counters.
 */
export const capacityUntilBookingsExist: ZoneAvailability = {
  available: async (zones) => new Map(zones.map((zone) => [zone.id, zone.capacity])),
};
