// Given/when/then for the event decider, and the fixtures its tests share.
import { deciderSpec } from '../shared/testing';
import type { Actor } from './actor';
import { eventDecider } from './decider';
import type { CatalogEvent, EventCreated, ShowAdded, ZoneCreated } from './events';

export const now = '2030-01-01T00:00:00.000Z';
export const eventId = '11111111-1111-4111-8111-111111111111';
export const showId = '22222222-2222-4222-8222-222222222222';
export const zoneId = '33333333-3333-4333-8333-333333333333';

export const owner: Actor = { userId: 'organizer-1', role: 'organizer' };
export const otherOrganizer: Actor = { userId: 'organizer-2', role: 'organizer' };
export const admin: Actor = { userId: 'admin-1', role: 'admin' };
export const customer: Actor = { userId: 'customer-1', role: 'customer' };

export const eventCreated: EventCreated = {
  type: 'EventCreated',
  data: {
    eventId,
    slug: 'rock-night',
    organizerId: owner.userId,
    tenantId: null,
    name: 'Rock Night',
    description: 'Loud',
    venue: 'Arena',
    category: 'concert',
    startsAt: '2030-06-01T19:00:00.000Z',
    saleStartsAt: '2030-03-01T10:00:00.000Z',
    saleEndsAt: '2030-06-01T18:00:00.000Z',
    maxTicketsPerUser: 4,
    occurredAt: '2029-12-01T00:00:00.000Z',
  },
};

export const showAdded: ShowAdded = {
  type: 'ShowAdded',
  data: { eventId, showId, name: 'Night one', startsAt: '2030-06-01T19:00:00.000Z', occurredAt: now },
};

export const zoneCreated: ZoneCreated = {
  type: 'ZoneCreated',
  data: {
    eventId,
    showId,
    zoneId,
    name: 'Floor',
    price: 150000,
    currency: 'THB',
    capacity: 100,
    occurredAt: now,
  },
};

export const eventPublished: CatalogEvent = { type: 'EventPublished', data: { eventId, occurredAt: now } };
export const eventCancelled: CatalogEvent = {
  type: 'EventCancelled',
  data: { eventId, reason: null, occurredAt: now },
};

/** `given(...past).when(command).then(expected)`, `.thenNothing()` or `.thenFails(code)`. */
export const given = deciderSpec(eventDecider);
