import type { CatalogEvent, EventDetails, WaitingRoomSettings } from './events';

export type EventStatus = 'draft' | 'published' | 'cancelled';

export type Zone = {
  readonly id: string;
  readonly showId: string;
  readonly name: string;
  readonly price: number;
  readonly currency: string;
  readonly capacity: number;
};

export type Show = {
  readonly id: string;
  readonly name: string | null;
  readonly startsAt: string;
  readonly zones: readonly Zone[];
};

/** The room's settings and whether admission is paused; null until an organizer configures one. */
export type WaitingRoom = WaitingRoomSettings & { readonly paused: boolean };

export type ExistingEvent = {
  readonly exists: true;
  readonly id: string;
  readonly slug: string;
  readonly organizerId: string;
  readonly tenantId: string | null;
  readonly status: EventStatus;
  readonly details: EventDetails;
  readonly shows: readonly Show[];
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly publishedAt: string | null;
  readonly cancelledAt: string | null;
  readonly waitingRoom: WaitingRoom | null;
};

/** An event aggregate: the event with its shows and their zones, so every rule sees all of it. */
export type EventState = { readonly exists: false } | ExistingEvent;

export const initialEventState: EventState = { exists: false };

export function findZone(state: ExistingEvent, zoneId: string): Zone | undefined {
  for (const show of state.shows) {
    const zone = show.zones.find((candidate) => candidate.id === zoneId);
    if (zone) return zone;
  }
  return undefined;
}

function mapShow(state: ExistingEvent, showId: string, change: (show: Show) => Show): readonly Show[] {
  return state.shows.map((show) => (show.id === showId ? change(show) : show));
}

function evolveExisting(state: ExistingEvent, event: CatalogEvent): ExistingEvent {
  const touched = { ...state, updatedAt: event.data.occurredAt };
  switch (event.type) {
    case 'EventCreated':
      return state;
    case 'EventUpdated':
      return { ...touched, details: { ...state.details, ...event.data.changes } };
    case 'EventPublished':
      return { ...touched, status: 'published', publishedAt: event.data.occurredAt };
    case 'EventCancelled':
      return { ...touched, status: 'cancelled', cancelledAt: event.data.occurredAt };
    case 'ShowAdded': {
      const { showId, name, startsAt } = event.data;
      return { ...touched, shows: [...state.shows, { id: showId, name, startsAt, zones: [] }] };
    }
    case 'ShowUpdated': {
      const { showId, changes } = event.data;
      return { ...touched, shows: mapShow(state, showId, (show) => ({ ...show, ...changes })) };
    }
    case 'ZoneCreated': {
      const { zoneId, showId, name, price, currency, capacity } = event.data;
      const zone: Zone = { id: zoneId, showId, name, price, currency, capacity };
      return {
        ...touched,
        shows: mapShow(state, showId, (show) => ({ ...show, zones: [...show.zones, zone] })),
      };
    }
    case 'ZoneUpdated': {
      const { zoneId, showId, price, capacity } = event.data;
      return {
        ...touched,
        shows: mapShow(state, showId, (show) => ({
          ...show,
          zones: show.zones.map((zone) => (zone.id === zoneId ? { ...zone, price, capacity } : zone)),
        })),
      };
    }
    case 'WaitingRoomConfigured':
      return {
        ...touched,
        waitingRoom: { ...event.data.settings, paused: state.waitingRoom?.paused ?? false },
      };
    case 'WaitingRoomPaused':
    case 'WaitingRoomResumed':
      if (!state.waitingRoom) return touched;
      return {
        ...touched,
        waitingRoom: { ...state.waitingRoom, paused: event.type === 'WaitingRoomPaused' },
      };
  }
}

export function evolve(state: EventState, event: CatalogEvent): EventState {
  if (state.exists) return evolveExisting(state, event);
  if (event.type !== 'EventCreated') return state;
  const { eventId, slug, organizerId, tenantId, occurredAt, ...details } = event.data;
  return {
    exists: true,
    id: eventId,
    slug,
    organizerId,
    tenantId,
    status: 'draft',
    details,
    shows: [],
    createdAt: occurredAt,
    updatedAt: occurredAt,
    publishedAt: null,
    cancelledAt: null,
    waitingRoom: null,
  };
}
