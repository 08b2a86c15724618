import { describe, it } from 'node:test';
import type { UpdateEvent } from './commands';
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

const update = (changes: UpdateEvent['changes'], actor = owner): UpdateEvent => ({
  type: 'UpdateEvent',
  actor,
  now,
  changes,
});

describe('updating an event', () => {
  it('records only the fields that change', () => {
    given(eventCreated)
      .when(update({ name: 'Rock Night', venue: 'Stadium', maxTicketsPerUser: 2 }))
      .then([
        {
          type: 'EventUpdated',
          data: { eventId, changes: { venue: 'Stadium', maxTicketsPerUser: 2 }, occurredAt: now },
        },
      ]);
  });

  it('records nothing when nothing changes', () => {
    given(eventCreated)
      .when(update({ name: 'Rock Night' }))
      .then([]);
  });

  it('lets an admin change any event', () => {
    given(eventCreated)
      .when(update({ category: 'festival' }, admin))
      .then([
        { type: 'EventUpdated', data: { eventId, changes: { category: 'festival' }, occurredAt: now } },
      ]);
  });

  it('updates a published event', () => {
    given(eventCreated, showAdded, zoneCreated, eventPublished)
      .when(update({ description: 'Even louder' }))
      .then([
        { type: 'EventUpdated', data: { eventId, changes: { description: 'Even louder' }, occurredAt: now } },
      ]);
  });

  it('refuses another organizer', () => {
    given(eventCreated)
      .when(update({ name: 'Mine now' }, otherOrganizer))
      .thenFails('FORBIDDEN');
  });

  it('refuses an unknown event', () => {
    given()
      .when(update({ name: 'Ghost' }))
      .thenFails('NOT_FOUND');
  });

  it('refuses to change a cancelled event', () => {
    given(eventCreated, eventCancelled)
      .when(update({ name: 'Back' }))
      .thenFails('INVALID_STATE');
  });

  it('checks the merged sale window', () => {
    given(eventCreated)
      .when(update({ saleStartsAt: '2030-06-01T18:30:00.000Z' }))
      .thenFails('VALIDATION_ERROR', [{ field: 'saleStartsAt', reasons: ['must be before saleEndsAt'] }]);
    given(eventCreated)
      .when(update({ startsAt: '2030-06-01T17:00:00.000Z' }))
      .thenFails('VALIDATION_ERROR', [{ field: 'saleEndsAt', reasons: ['must not be after startsAt'] }]);
  });

  it('refuses to move the start after a show that already exists', () => {
    given(eventCreated, showAdded)
      .when(update({ startsAt: '2030-06-02T19:00:00.000Z' }))
      .thenFails('VALIDATION_ERROR');
  });

  it('refuses a new start in the past', () => {
    given(eventCreated)
      .when(
        update({
          startsAt: '2029-12-31T00:00:00.000Z',
          saleStartsAt: '2029-11-01T00:00:00.000Z',
          saleEndsAt: '2029-12-30T00:00:00.000Z',
        }),
      )
      .thenFails('VALIDATION_ERROR', [{ field: 'startsAt', reasons: ['must be in the future'] }]);
  });

  it('refuses more than ten tickets per user', () => {
    given(eventCreated)
      .when(update({ maxTicketsPerUser: 11 }))
      .thenFails('VALIDATION_ERROR');
  });
});
