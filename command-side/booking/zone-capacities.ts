import type { ZoneCreated, ZoneUpdated } from '../../domain/catalog';
import type { RecordedEvent } from '../../infra/ports/event-store';

/** The capacity the catalog last gave a zone, as of some position in the log. */
export type ZoneCapacity = { readonly eventId: string; readonly zoneId: string; readonly capacity: number };

export const zoneCapacityEventTypes = ['ZoneCreated', 'ZoneUpdated'] as const;

/**
 * The latest capacity of every zone these events mention, in log order: only the end state of a batch
 * counts, so a replay never passes through a capacity the catalog has since changed.
 */
export function latestCapacities(events: readonly RecordedEvent[]): ZoneCapacity[] {
  const byZone = new Map<string, ZoneCapacity>();
  for (const event of events) {
    if (event.type !== 'ZoneCreated' && event.type !== 'ZoneUpdated') continue;
    const { eventId, zoneId, capacity } = event.data as (ZoneCreated | ZoneUpdated)['data'];
    byZone.set(zoneId, { eventId, zoneId, capacity });
  }
  return [...byZone.values()];
}
