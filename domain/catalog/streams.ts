import type { Event } from '../shared';

/** Events, their shows and zones live in one stream per event: `event-<eventId>`. */
export const eventCategory = 'event';
export const eventStreamId = (eventId: string): string => `${eventCategory}-${eventId}`;

/**
 * A slug belongs to the first event that appends to `eventSlug-<slug>` with no stream expected; the
 * stream's one event says which event owns it.
 */
export const slugClaimCategory = 'eventSlug';
export const slugClaimStreamId = (slug: string): string => `${slugClaimCategory}-${slug}`;

export type EventSlugClaimed = Event<'EventSlugClaimed', { readonly slug: string; readonly eventId: string }>;

/**
 * Which event a show or zone belongs to, readable the moment it is written (reading one stream does
 * not wait for the global log's read horizon). Written with no stream expected before the show or zone
 * is added; one whose command was then refused points at an event that never mentions it, and finds
 * nothing there.
 */
export const showPointerCategory = 'showEvent';
export const zonePointerCategory = 'zoneEvent';
export const showPointerStreamId = (showId: string): string => `${showPointerCategory}-${showId}`;
export const zonePointerStreamId = (zoneId: string): string => `${zonePointerCategory}-${zoneId}`;

export type ShowIdReserved = Event<'ShowIdReserved', { readonly showId: string; readonly eventId: string }>;
export type ZoneIdReserved = Event<
  'ZoneIdReserved',
  { readonly zoneId: string; readonly showId: string; readonly eventId: string }
>;
