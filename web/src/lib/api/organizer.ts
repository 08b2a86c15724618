import type { Money, Totals, ZoneRow } from './analytics';
import type { ApiClient } from './client';
import { query } from './query';
import type { EventSummary } from './types';

/** An event as its organizer sees it (`GET /organizer/events` items, command answers). */
export type OrganizerEvent = EventSummary & {
  saleEndsAt: string;
  organizerId: string;
  createdAt: string;
  updatedAt: string;
  publishedAt: string | null;
  cancelledAt: string | null;
};

/** A zone; `available` is live on reads, absent from command answers. */
export type ManagedZone = {
  id: string;
  showId: string;
  eventId: string;
  name: string;
  price: number;
  currency: string;
  capacity: number;
  available?: number;
};

export type ManagedShow = {
  id: string;
  eventId: string;
  name: string | null;
  startsAt: string;
  zones: ManagedZone[];
};

export type ManagedEvent = OrganizerEvent & { shows: ManagedShow[] };

export type EventStatus = OrganizerEvent['status'];

export type EventBody = {
  name: string;
  description: string;
  venue: string;
  category?: string | null;
  startsAt: string;
  saleStartsAt: string;
  saleEndsAt?: string;
  maxTicketsPerUser?: number;
};

/** Minor units per currency code, e.g. `{ THB: 300000 }`. */
export type MoneyByCurrency = Money;
/** The totals `query-side/analytics` keeps for an event or a zone. */
export type SalesTotals = Totals;
/** `GET /analytics/dashboard?eventId=`. */
export type EventSales = { totals: Totals; zones: ZoneRow[] };

const id = encodeURIComponent;

/** The catalog's write endpoints and the organizer's reads (API.md, Catalog and Analytics), typed. */
export function organizerEndpoints(api: ApiClient) {
  return {
    myEvents: (params: { status?: EventStatus; page?: number; pageSize?: number }) =>
      api.request<OrganizerEvent[]>('GET', `/organizer/events${query(params)}`),
    event: (eventId: string) => api.request<ManagedEvent>('GET', `/events/${id(eventId)}`),
    createEvent: (body: EventBody) => api.request<ManagedEvent>('POST', '/events', { body }),
    updateEvent: (eventId: string, body: Partial<EventBody>) =>
      api.request<ManagedEvent>('PUT', `/events/${id(eventId)}`, { body }),
    publish: (eventId: string) => api.request<ManagedEvent>('POST', `/events/${id(eventId)}/publish`),
    cancel: (eventId: string, reason: string | undefined) =>
      api.request<ManagedEvent>('POST', `/events/${id(eventId)}/cancel`, {
        body: reason ? { reason } : {},
      }),
    addShow: (eventId: string, body: { startsAt: string; name?: string }) =>
      api.request<ManagedShow>('POST', `/events/${id(eventId)}/shows`, { body }),
    updateShow: (showId: string, body: { startsAt?: string; name?: string | null }) =>
      api.request<Omit<ManagedShow, 'zones'>>('PUT', `/shows/${id(showId)}`, { body }),
    addZone: (showId: string, body: { name: string; price: number; currency: string; capacity: number }) =>
      api.request<ManagedZone>('POST', `/shows/${id(showId)}/zones`, { body }),
    updateZone: (zoneId: string, body: { price?: number; capacity?: number }) =>
      api.request<ManagedZone>('PUT', `/zones/${id(zoneId)}`, { body }),
    sales: (eventId: string) => api.request<EventSales>('GET', `/analytics/dashboard${query({ eventId })}`),
  };
}

export type OrganizerEndpoints = ReturnType<typeof organizerEndpoints>;
