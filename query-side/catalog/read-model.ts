import {
  toEventWaitingRoomResource,
  type EventResource,
  type ShowSummary,
  type ZoneResource,
} from '../../domain/catalog';
import type { SelectedEventRow, SelectedShowRow, SelectedZoneRow } from '../../projections/catalog/schema';

type Time = Date | string;

const iso = (value: Time): string => new Date(value).toISOString();
const isoOrNull = (value: Time | null): string | null => (value === null ? null : iso(value));

/** An event without its shows, as lists show it. */
export type EventSummary = Omit<EventResource, 'shows'>;
export type ZoneWithAvailability = ZoneResource & {
  /** Seats a buyer can still get, live (held and sold seats are taken). */
  readonly available: number;
};
export type ShowWithAvailability = ShowSummary & { readonly zones: readonly ZoneWithAvailability[] };
/** An event with its shows and their zones, each with the seats still available. */
export type EventWithAvailability = EventSummary & { readonly shows: readonly ShowWithAvailability[] };

export function toEventSummary(row: SelectedEventRow): EventSummary {
  return {
    id: row.id,
    slug: row.slug,
    status: row.status,
    organizerId: row.organizer_id,
    name: row.name,
    description: row.description,
    venue: row.venue,
    category: row.category,
    startsAt: iso(row.starts_at),
    saleStartsAt: iso(row.sale_starts_at),
    saleEndsAt: iso(row.sale_ends_at),
    maxTicketsPerUser: Number(row.max_tickets_per_user),
    createdAt: iso(row.created_at),
    updatedAt: iso(row.updated_at),
    publishedAt: isoOrNull(row.published_at),
    cancelledAt: isoOrNull(row.cancelled_at),
    waitingRoom: row.waiting_room ? toEventWaitingRoomResource(row.waiting_room) : null,
  };
}

export const toShow = (row: SelectedShowRow): ShowSummary => ({
  id: row.id,
  eventId: row.event_id,
  name: row.name,
  startsAt: iso(row.starts_at),
});

export const toZone = (row: SelectedZoneRow): ZoneResource => ({
  id: row.id,
  showId: row.show_id,
  eventId: row.event_id,
  name: row.name,
  price: Number(row.price),
  currency: row.currency,
  capacity: Number(row.capacity),
});
