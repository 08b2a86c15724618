import type { ZoneResource } from '../../../domain/catalog';

/** Seats a buyer can still get, per zone id. */
export interface ZoneAvailability {
  available(zones: readonly ZoneResource[]): Promise<ReadonlyMap<string, number>>;
}
