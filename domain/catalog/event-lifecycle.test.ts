import { describe, it } from 'node:test';
import type { Actor } from './actor';
import {
  admin,
  eventCancelled,
  eventCreated,
  eventId,
  eventPublished,
  given,
  now,
  otherOrganizer,
  owner,
  showAdded,
  zoneCreated,
} from './testing';

const publish = (actor: Actor = owner) => ({ type: 'PublishEvent' as const, actor, now });
const cancel = (actor: Actor = owner, reason?: string) => ({
  type: 'CancelEvent' as const,
  actor,
  now,
  reason,
});

describe('publishing and cancelling an event', () => {
  it('publishes a draft that has a show with a zone', () => {
    given(eventCreated, showAdded, zoneCreated)
      .when(publish())
      .then([{ type: 'EventPublished', data: { eventId, occurredAt: now } }]);
  });

  it('refuses to publish an event with nothing to sell', () => {
    given(eventCreated).when(publish()).thenFails('INVALID_STATE');
    given(eventCreated, showAdded).when(publish()).thenFails('INVALID_STATE');
  });

  it('refuses to publish twice', () => {
    given(eventCreated, showAdded, zoneCreated, eventPublished).when(publish()).thenFails('INVALID_STATE');
  });

  it('refuses to publish a cancelled event', () => {
    given(eventCreated, showAdded, zoneCreated, eventCancelled).when(publish()).thenFails('INVALID_STATE');
  });

  it('refuses to publish or cancel for another organizer', () => {
    given(eventCreated, showAdded, zoneCreated).when(publish(otherOrganizer)).thenFails('FORBIDDEN');
    given(eventCreated).when(cancel(otherOrganizer)).thenFails('FORBIDDEN');
  });

  it('refuses to publish or cancel an unknown event', () => {
    given().when(publish()).thenFails('NOT_FOUND');
    given().when(cancel()).thenFails('NOT_FOUND');
  });

  it('cancels a draft, with the reason given', () => {
    given(eventCreated)
      .when(cancel(owner, 'Venue closed'))
      .then([{ type: 'EventCancelled', data: { eventId, reason: 'Venue closed', occurredAt: now } }]);
  });

  it('lets an admin cancel a published event', () => {
    given(eventCreated, showAdded, zoneCreated, eventPublished)
      .when(cancel(admin))
      .then([{ type: 'EventCancelled', data: { eventId, reason: null, occurredAt: now } }]);
  });

  it('refuses to cancel twice', () => {
    given(eventCreated, eventCancelled).when(cancel()).thenFails('INVALID_STATE');
  });
});
