import type { Money, Totals } from './analytics';
import type { ApiClient } from './client';
import { query } from './query';
import type { Body, Data, Meta, Query, Schemas } from './schema';

/** An event as its organizer lists it (`GET /organizer/events` items). */
export type OrganizerEvent = Schemas['EventSummary'];

/** A zone; `available` is live on reads (`GET /events/:id`), absent from command answers. */
export type ManagedZone = Schemas['ZoneResource'] &
  Partial<Pick<Schemas['ZoneWithAvailability'], 'available'>>;

export type ManagedShow = Omit<Schemas['ShowResource'], 'zones'> & { zones: ManagedZone[] };

/** An event with its shows, from a read (with availability) or from a command's answer (without). */
export type ManagedEvent = Omit<Schemas['EventResource'], 'shows'> & { shows: ManagedShow[] };

export type EventStatus = Schemas['EventStatus'];

/** The body of `POST /events`. */
export type EventBody = Body<'createEvent'>;

/** The body of `PUT /events/:id`: only what changes; a null category clears it. */
export type EventChanges = Body<'updateEvent'>;

/** The body of `PUT /shows/:id`: only what changes; a null name clears it. */
export type ShowChanges = Body<'updateShow'>;

/** Minor units per currency code, e.g. `{ THB: 300000 }`. */
export type MoneyByCurrency = Money;
/** The totals `query-side/analytics` keeps for an event or a zone. */
export type SalesTotals = Totals;
/** `GET /analytics/dashboard?eventId=`: the event's totals and its zones' rows. */
export type EventSales = Data<'getAnalyticsDashboard'>;

const id = encodeURIComponent;

/** The catalog's write endpoints and the organizer's reads (API.md, Catalog and Analytics), typed. */
export function organizerEndpoints(api: ApiClient) {
  return {
    myEvents: (params: Query<'listOwnEvents'>) =>
      api.request<Data<'listOwnEvents'>, Meta<'listOwnEvents'>>('GET', `/organizer/events${query(params)}`),
    event: (eventId: string) => api.request<Data<'getEvent'>>('GET', `/events/${id(eventId)}`),
    createEvent: (body: EventBody) => api.request<Data<'createEvent'>>('POST', '/events', { body }),
    updateEvent: (eventId: string, body: EventChanges) =>
      api.request<Data<'updateEvent'>>('PUT', `/events/${id(eventId)}`, { body }),
    publish: (eventId: string) => api.request<Data<'publishEvent'>>('POST', `/events/${id(eventId)}/publish`),
    cancel: (eventId: string, reason: string | undefined) => {
      const body: Body<'cancelEvent'> = reason ? { reason } : {};
      return api.request<Data<'cancelEvent'>>('POST', `/events/${id(eventId)}/cancel`, { body });
    },
    addShow: (eventId: string, body: Body<'addShow'>) =>
      api.request<Data<'addShow'>>('POST', `/events/${id(eventId)}/shows`, { body }),
    updateShow: (showId: string, body: ShowChanges) =>
      api.request<Data<'updateShow'>>('PUT', `/shows/${id(showId)}`, { body }),
    addZone: (showId: string, body: Body<'addZone'>) =>
      api.request<Data<'addZone'>>('POST', `/shows/${id(showId)}/zones`, { body }),
    updateZone: (zoneId: string, body: Body<'updateZone'>) =>
      api.request<Data<'updateZone'>>('PUT', `/zones/${id(zoneId)}`, { body }),
    sales: (eventId: string) => {
      const params: Query<'getAnalyticsDashboard'> = { eventId };
      return api.request<EventSales>('GET', `/analytics/dashboard${query(params)}`);
    },
  };
}

export type OrganizerEndpoints = ReturnType<typeof organizerEndpoints>;
