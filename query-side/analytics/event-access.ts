import { eventNotFound, mayChange, zoneNotFound } from '../../domain/catalog';
import { AppError } from '../../domain/shared';
import type { Principal } from '../../infra/ports/auth';
import type { DocumentStore } from '../../infra/ports/document-store';
import { findEvent, findZone } from './analytics-reads';
import type { EventDocument } from '../../projections/analytics/schema';

/**
 * The analytics of an event, for its organizer or an admin. As in the catalog, another organizer gets
 * 403 for an event that exists; an event the read model has not seen created is 404.
 */
export async function eventForAnalytics(
  store: DocumentStore,
  principal: Principal,
  eventId: string,
): Promise<EventDocument & { organizerId: string }> {
  const event = await findEvent(store, eventId);
  if (!event || event.organizerId === undefined) throw eventNotFound();
  if (!mayChange(principal, event.organizerId)) {
    throw new AppError(
      'FORBIDDEN',
      'Only the organizer who owns this event, or an admin, may see its analytics',
    );
  }
  return { ...event, organizerId: event.organizerId };
}

/** 404 ZONE_NOT_FOUND unless `zoneId` is a zone of `eventId`. */
export async function checkZoneOfEvent(store: DocumentStore, eventId: string, zoneId: string): Promise<void> {
  const zone = await findZone(store, zoneId);
  if (!zone || zone.eventId !== eventId) throw zoneNotFound(zoneId);
}
