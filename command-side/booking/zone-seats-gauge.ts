import type { InventoryActor } from '../../infra/ports/inventory-actor';
import type { GaugeSample, Metrics } from '../../infra/ports/metrics';
import type { ZoneForSale } from '../catalog';

/** At most this many zones are read per scrape: the page stays cheap however many sales run at once. */
const mostZones = 500;

/**
 * Reports the seats left in each zone on sale (`booking_rush_zone_seats_available`), read from the
 * inventory actor whenever the metrics page is scraped: the one count the hot path keeps.
 */
export function zoneSeatsGauge(
  metrics: Pick<Metrics, 'sample'>,
  actor: Pick<InventoryActor, 'snapshot'>,
  catalog: { zonesOnSale(now: Date): Iterable<ZoneForSale> },
): { readonly name: string; start(): Promise<void>; stop(): Promise<void> } {
  let stop: (() => void) | undefined;
  const read = async (): Promise<GaugeSample[]> => {
    const zones = [...catalog.zonesOnSale(new Date())].slice(0, mostZones);
    const snapshots = await Promise.all(
      zones.map((zone) => actor.snapshot({ eventId: zone.eventId, zoneId: zone.zoneId })),
    );
    return zones.flatMap((zone, index) => {
      const snapshot = snapshots[index];
      return snapshot
        ? [{ labels: { event_id: zone.eventId, zone_id: zone.zoneId }, value: snapshot.available }]
        : [];
    });
  };
  return {
    name: 'zone seats gauge',
    async start() {
      stop = metrics.sample('zoneSeatsAvailable', read);
    },
    async stop() {
      stop?.();
    },
  };
}
