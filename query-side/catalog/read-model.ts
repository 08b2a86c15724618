import {
  toEventWaitingRoomResource,
  type EventResource,
  type EventStatus,
  type ShowSummary,
  type WaitingRoom,
  type ZoneResource,
} from '../../domain/catalog';

/** The views of `projections/catalog` (logical names; each points at the active generation). */
export const catalogViews = {
  events: 'rm_catalog_events',
  shows: 'rm_catalog_shows',
  zones: 'rm_catalog_zones',
} as const;

type Time = Date | string;

export type EventRow = {
  id: string;
  slug: string;
  status: EventStatus;
  organizer_id: string;
  name: string;
  description: string;
  venue: string;
  category: string | null;
  starts_at: Time;
  sale_starts_at: Time;
  sale_ends_at: Time;
  max_tickets_per_user: number | string;
  created_at: Time;
  updated_at: Time;
  published_at: Time | null;
  cancelled_at: Time | null;
  /** jsonb, parsed by the driver. */
  waiting_room: WaitingRoom | null;
};

export type ShowRow = { id: string; event_id: string; name: string | null; starts_at: Time };

export type ZoneRow = {
  id: string;
  show_id: string;
  event_id: string;
  name: string;
  price: number | string;
  currency: string;
  capacity: number | string;
};

export const eventColumns =
  'id, slug, status, organizer_id, name, description, venue, category, starts_at, sale_starts_at, sale_ends_at, max_tickets_per_user, created_at, updated_at, published_at, cancelled_at, waiting_room';
export const showColumns = 'id, event_id, name, starts_at';
export const zoneColumns = 'id, show_id, event_id, name, price, currency, capacity';

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

export function toEventSummary(row: EventRow): EventSummary {
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

export const toShow = (row: ShowRow): ShowSummary => ({
  id: row.id,
  eventId: row.event_id,
  name: row.name,
  startsAt: iso(row.starts_at),
});

export const toZone = (row: ZoneRow): ZoneResource => ({
  id: row.id,
  showId: row.show_id,
  eventId: row.event_id,
  name: row.name,
  price: Number(row.price),
  currency: row.currency,
  capacity: Number(row.capacity),
});
