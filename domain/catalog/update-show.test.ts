import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { UpdateShow } from './commands';
import { eventDecider } from './decider';
import { toEventResource } from './resources';
import {
  admin,
  customer,
  eventCancelled,
  eventCreated,
  eventId,
  eventPublished,
  given,
  now,
  otherOrganizer,
  owner,
  showAdded,
  showId,
  zoneCreated,
} from './testing';

const update = (fields: Partial<UpdateShow> = {}): UpdateShow => ({
  type: 'UpdateShow',
  actor: owner,
  now,
  showId,
  ...fields,
});

const updated = (changes: { name?: string | null; startsAt?: string }) => [
  { type: 'ShowUpdated' as const, data: { eventId, showId, changes, occurredAt: now } },
];

describe('updating a show', () => {
  it('records only the fields that change', () => {
    given(eventCreated, showAdded)
      .when(update({ name: 'Night one', startsAt: '2030-06-02T19:00:00.000Z' }))
      .then(updated({ startsAt: '2030-06-02T19:00:00.000Z' }));
    given(eventCreated, showAdded)
      .when(update({ name: 'Opening night', startsAt: showAdded.data.startsAt }))
      .then(updated({ name: 'Opening night' }));
  });

  it('clears the name with null', () => {
    given(eventCreated, showAdded)
      .when(update({ name: null }))
      .then(updated({ name: null }));
  });

  it('records nothing when nothing changes, the same instant written another way included', () => {
    given(eventCreated, showAdded)
      .when(update({ name: 'Night one' }))
      .thenNothing();
    given(eventCreated, showAdded)
      .when(update({ startsAt: '2030-06-02T02:00:00+07:00' }))
      .thenNothing();
    given(eventCreated, showAdded).when(update()).thenNothing();
  });

  it('moves a show of a published event, and the event then lists the new start', () => {
    const past = [eventCreated, showAdded, zoneCreated, eventPublished];
    given(...past)
      .when(update({ startsAt: '2030-06-05T19:00:00.000Z' }))
      .then(updated({ startsAt: '2030-06-05T19:00:00.000Z' }));
    const [event] = eventDecider.decide(
      update({ startsAt: '2030-06-05T19:00:00.000Z', name: null }),
      past.reduce(eventDecider.evolve, eventDecider.initialState),
    );
    const state = [...past, event!].reduce(eventDecider.evolve, eventDecider.initialState);
    assert.ok(state.exists);
    assert.deepEqual(
      toEventResource(state).shows.map(({ name, startsAt }) => ({ name, startsAt })),
      [{ name: null, startsAt: '2030-06-05T19:00:00.000Z' }],
    );
    assert.equal(state.updatedAt, now);
  });

  it('lets an admin change any show', () => {
    given(eventCreated, showAdded)
      .when(update({ name: 'By the house', actor: admin }))
      .then(updated({ name: 'By the house' }));
  });

  it('holds a new start to the rules of a new show: in the future, not before the event', () => {
    given(eventCreated, showAdded)
      .when(update({ startsAt: '2030-06-01T18:59:59.000Z' }))
      .thenFails('VALIDATION_ERROR', [
        { field: 'startsAt', reasons: ['must not be before the event starts (2030-06-01T19:00:00.000Z)'] },
      ]);
    given(eventCreated, showAdded)
      .when(update({ startsAt: '2029-12-31T00:00:00.000Z' }))
      .thenFails('VALIDATION_ERROR', [{ field: 'startsAt', reasons: ['must be in the future'] }]);
    given(eventCreated, showAdded)
      .when(update({ startsAt: 'tomorrow' }))
      .thenFails('VALIDATION_ERROR', [{ field: 'startsAt', reasons: ['must be an ISO 8601 timestamp'] }]);
  });

  it('refuses a blank name', () => {
    given(eventCreated, showAdded)
      .when(update({ name: '   ' }))
      .thenFails('VALIDATION_ERROR', [{ field: 'name', reasons: ['must not be blank'] }]);
  });

  it('refuses a show that has already started, even a change that would move it later', () => {
    given(eventCreated, showAdded)
      .when(update({ startsAt: '2030-06-09T19:00:00.000Z', now: showAdded.data.startsAt }))
      .thenFails('INVALID_STATE', { showId, startsAt: showAdded.data.startsAt });
  });

  it('refuses a show of a cancelled event', () => {
    given(eventCreated, showAdded, eventCancelled)
      .when(update({ name: 'Back on' }))
      .thenFails('INVALID_STATE');
  });

  it('refuses another organizer and a customer', () => {
    given(eventCreated, showAdded)
      .when(update({ name: 'Mine now', actor: otherOrganizer }))
      .thenFails('FORBIDDEN');
    given(eventCreated, showAdded)
      .when(update({ name: 'Mine now', actor: customer }))
      .thenFails('FORBIDDEN');
  });

  it('answers NOT_FOUND for a show the event does not have, or an unknown event', () => {
    given(eventCreated)
      .when(update({ name: 'Ghost' }))
      .thenFails('NOT_FOUND');
    given()
      .when(update({ name: 'Ghost' }))
      .thenFails('NOT_FOUND');
  });
});
