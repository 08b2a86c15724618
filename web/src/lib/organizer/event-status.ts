import type { EventStatus, ManagedEvent } from '../api/organizer';

export const statusLabels: Record<EventStatus, string> = {
  draft: 'Draft',
  published: 'Published',
  cancelled: 'Cancelled',
};

/** Why `POST /events/:id/publish` would be refused (`domain/catalog/decide-event.ts`); empty when it may. */
export function publishBlockers(event: Pick<ManagedEvent, 'status' | 'shows'>): string[] {
  if (event.status !== 'draft') return [`Only a draft can be published; this event is ${event.status}.`];
  if (event.shows.length === 0) return ['Add a show, then a zone with a price and capacity to it.'];
  if (!event.shows.some((show) => show.zones.length > 0))
    return ['Add at least one zone (a price and a number of seats) to a show.'];
  return [];
}
