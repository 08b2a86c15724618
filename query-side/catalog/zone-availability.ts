import type { ZoneResource } from '../../domain/catalog';

/** Seats a buyer can still get, per zone id. */
export interface ZoneAvailability {
  available(zones: readonly ZoneResource[]): Promise<ReadonlyMap<string, number>>;
}

/**
 * Every seat of every zone, which is exact only while nobody can book: the booking issue replaces it
 * with the inventory actor's live counters.
 */
export const capacityUntilBookingsExist: ZoneAvailability = {
  available: async (zones) => new Map(zones.map((zone) => [zone.id, zone.capacity])),
};
