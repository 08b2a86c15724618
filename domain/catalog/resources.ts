import type { EventStatus, ExistingEvent, Show, WaitingRoom, Zone } from './state';

/** A zone as the API shows it; the query side adds `available`. */
export type ZoneResource = {
  /** @format uuid */
  readonly id: string;
  /** @format uuid */
  readonly showId: string;
  /** @format uuid */
  readonly eventId: string;
  readonly name: string;
  /** In minor units of `currency` (150000 = 1,500.00). */
  readonly price: number;
  /** ISO 4217, upper case. */
  readonly currency: string;
  readonly capacity: number;
};

/** A show without its zones: the answer to changing one. */
export type ShowSummary = {
  /** @format uuid */
  readonly id: string;
  /** @format uuid */
  readonly eventId: string;
  readonly name: string | null;
  /** @format date-time */
  readonly startsAt: string;
};

export type ShowResource = ShowSummary & { readonly zones: readonly ZoneResource[] };

/** An event's waiting room as the API shows it inside the event: its settings and whether admission is paused. */
export type EventWaitingRoomResource = {
  readonly enabled: boolean;
  /** @format date-time */
  readonly preQueueOpensAt: string;
  readonly admissionPerMinute: number;
  readonly maxInside: number;
  readonly passLifetimeSeconds: number;
  readonly paused: boolean;
};

/** The organizer's answer to configuring, pausing or resuming a room. */
export type WaitingRoomResource = {
  /** @format uuid */
  readonly eventId: string;
} & EventWaitingRoomResource;

/** An event as the API shows it (API.md, Catalog): the same shape from commands and from queries. */
export type EventResource = {
  /** @format uuid */
  readonly id: string;
  /** From the name, unique; never changes, so links stay valid. */
  readonly slug: string;
  readonly status: EventStatus;
  /** @format uuid */
  readonly organizerId: string;
  readonly name: string;
  readonly description: string;
  readonly venue: string;
  readonly category: string | null;
  /** @format date-time */
  readonly startsAt: string;
  /** @format date-time */
  readonly saleStartsAt: string;
  /** @format date-time */
  readonly saleEndsAt: string;
  readonly maxTicketsPerUser: number;
  /** @format date-time */
  readonly createdAt: string;
  /** @format date-time */
  readonly updatedAt: string;
  /** @format date-time */
  readonly publishedAt: string | null;
  /** @format date-time */
  readonly cancelledAt: string | null;
  /** Null until an organizer configures a room. */
  readonly waitingRoom: EventWaitingRoomResource | null;
  readonly shows: readonly ShowResource[];
};

export const toZoneResource = (zone: Zone, eventId: string): ZoneResource => ({
  id: zone.id,
  showId: zone.showId,
  eventId,
  name: zone.name,
  price: zone.price,
  currency: zone.currency,
  capacity: zone.capacity,
});

export const toShowResource = (show: Show, eventId: string): ShowResource => ({
  id: show.id,
  eventId,
  name: show.name,
  startsAt: show.startsAt,
  zones: show.zones.map((zone) => toZoneResource(zone, eventId)),
});

/** Field by field, so nothing else the state might carry reaches a client. */
export const toEventWaitingRoomResource = (room: WaitingRoom): EventWaitingRoomResource => ({
  enabled: room.enabled,
  preQueueOpensAt: room.preQueueOpensAt,
  admissionPerMinute: room.admissionPerMinute,
  maxInside: room.maxInside,
  passLifetimeSeconds: room.passLifetimeSeconds,
  paused: room.paused,
});

/** The room of an event known to have one; null for an event without (callers answer with a 404 or 409). */
export function toWaitingRoomResource(
  event: ExistingEvent & { readonly waitingRoom: WaitingRoom },
): WaitingRoomResource;
export function toWaitingRoomResource(event: ExistingEvent): WaitingRoomResource | null;
export function toWaitingRoomResource(event: ExistingEvent): WaitingRoomResource | null {
  if (!event.waitingRoom) return null;
  return { eventId: event.id, ...toEventWaitingRoomResource(event.waitingRoom) };
}

/** Shows in start order (then creation order), zones in creation order. */
export function toEventResource(state: ExistingEvent): EventResource {
  const shows = state.shows
    .map((show, index) => ({ show, index }))
    .sort((a, b) => Date.parse(a.show.startsAt) - Date.parse(b.show.startsAt) || a.index - b.index)
    .map(({ show }) => toShowResource(show, state.id));
  return {
    id: state.id,
    slug: state.slug,
    status: state.status,
    organizerId: state.organizerId,
    name: state.details.name,
    description: state.details.description,
    venue: state.details.venue,
    category: state.details.category,
    startsAt: state.details.startsAt,
    saleStartsAt: state.details.saleStartsAt,
    saleEndsAt: state.details.saleEndsAt,
    maxTicketsPerUser: state.details.maxTicketsPerUser,
    createdAt: state.createdAt,
    updatedAt: state.updatedAt,
    publishedAt: state.publishedAt,
    cancelledAt: state.cancelledAt,
    waitingRoom: state.waitingRoom ? toEventWaitingRoomResource(state.waitingRoom) : null,
    shows,
  };
}
