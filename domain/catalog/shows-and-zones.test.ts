import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Actor } from './actor';
import type { AddZone, UpdateZone } from './commands';
import { eventDecider } from './decider';
import { toEventResource } from './resources';
import {
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
  zoneId,
} from './testing';

const newShowId = '44444444-4444-4444-8444-444444444444';
const addShow = (startsAt: string, actor: Actor = owner) => ({
  type: 'AddShow' as const,
  actor,
  now,
  showId: newShowId,
  name: 'Night two',
  startsAt,
});
const addZone = (fields: Partial<AddZone> = {}): AddZone => ({
  type: 'AddZone',
  actor: owner,
  now,
  showId,
  zoneId: '55555555-5555-4555-8555-555555555555',
  name: 'Balcony',
  price: 0,
  currency: 'EUR',
  capacity: 1,
  ...fields,
});
const updateZone = (fields: Partial<UpdateZone> = {}): UpdateZone => ({
  type: 'UpdateZone',
  actor: owner,
  now,
  zoneId,
  seatsTaken: 0,
  ...fields,
});

describe('adding shows', () => {
  it('adds a show to a draft or a published event', () => {
    const expected = [
      {
        type: 'ShowAdded' as const,
        data: {
          eventId,
          showId: newShowId,
          name: 'Night two',
          startsAt: '2030-06-02T19:00:00.000Z',
          occurredAt: now,
        },
      },
    ];
    given(eventCreated).when(addShow('2030-06-02T19:00:00.000Z')).then(expected);
    given(eventCreated, showAdded, zoneCreated, eventPublished)
      .when(addShow('2030-06-02T19:00:00.000Z'))
      .then(expected);
  });

  it('refuses a show that starts before the event', () => {
    given(eventCreated)
      .when(addShow('2030-06-01T18:59:59.000Z'))
      .thenFails('VALIDATION_ERROR', [
        { field: 'startsAt', reasons: ['must not be before the event starts (2030-06-01T19:00:00.000Z)'] },
      ]);
  });

  it('refuses a show in the past, even after the event began', () => {
    given(eventCreated)
      .when({ ...addShow('2030-06-02T19:00:00.000Z'), now: '2030-06-03T00:00:00.000Z' })
      .thenFails('VALIDATION_ERROR', [{ field: 'startsAt', reasons: ['must be in the future'] }]);
  });

  it('refuses to add the same show twice', () => {
    given(eventCreated, showAdded)
      .when({ ...addShow('2030-06-02T19:00:00.000Z'), showId })
      .thenFails('INVALID_STATE');
  });

  it('refuses a show on a cancelled event, or for another organizer', () => {
    given(eventCreated, eventCancelled).when(addShow('2030-06-02T19:00:00.000Z')).thenFails('INVALID_STATE');
    given(eventCreated).when(addShow('2030-06-02T19:00:00.000Z', otherOrganizer)).thenFails('FORBIDDEN');
  });

  it('lists shows in start order', () => {
    const later = {
      ...showAdded,
      data: { ...showAdded.data, showId: newShowId, startsAt: '2030-06-03T19:00:00.000Z' },
    };
    const state = [eventCreated, later, showAdded].reduce(eventDecider.evolve, eventDecider.initialState);
    assert.ok(state.exists);
    assert.deepEqual(
      toEventResource(state).shows.map((show) => show.id),
      [showId, newShowId],
    );
  });
});

describe('adding zones', () => {
  it('creates a zone carrying what the inventory needs to provision it', () => {
    given(eventCreated, showAdded)
      .when(addZone())
      .then([
        {
          type: 'ZoneCreated',
          data: {
            eventId,
            showId,
            zoneId: '55555555-5555-4555-8555-555555555555',
            name: 'Balcony',
            price: 0,
            currency: 'EUR',
            capacity: 1,
            occurredAt: now,
          },
        },
      ]);
  });

  it('refuses a zone for a show the event does not have', () => {
    given(eventCreated).when(addZone()).thenFails('NOT_FOUND');
  });

  it('refuses a negative or fractional price, a capacity below one and a bad currency', () => {
    given(eventCreated, showAdded)
      .when(addZone({ price: -1 }))
      .thenFails('VALIDATION_ERROR');
    given(eventCreated, showAdded)
      .when(addZone({ price: 10.5 }))
      .thenFails('VALIDATION_ERROR');
    given(eventCreated, showAdded)
      .when(addZone({ capacity: 0 }))
      .thenFails('VALIDATION_ERROR', [{ field: 'capacity', reasons: ['must be a positive integer'] }]);
    given(eventCreated, showAdded)
      .when(addZone({ currency: 'eur' }))
      .thenFails('VALIDATION_ERROR');
  });

  it('refuses a zone on a cancelled event', () => {
    given(eventCreated, showAdded, eventCancelled).when(addZone()).thenFails('INVALID_STATE');
  });
});

describe('updating zones', () => {
  const updated = (price: number, capacity: number) => [
    {
      type: 'ZoneUpdated' as const,
      data: {
        eventId,
        showId,
        zoneId,
        price,
        currency: 'THB',
        capacity,
        previousCapacity: 100,
        occurredAt: now,
      },
    },
  ];

  it('changes the price and keeps the capacity when only the price is given', () => {
    given(eventCreated, showAdded, zoneCreated)
      .when(updateZone({ price: 99 }))
      .then(updated(99, 100));
  });

  it('shrinks a draft zone freely', () => {
    given(eventCreated, showAdded, zoneCreated)
      .when(updateZone({ capacity: 1, seatsTaken: 50 }))
      .then(updated(150000, 1));
  });

  it('shrinks a published zone down to the seats already taken, not below', () => {
    const published = given(eventCreated, showAdded, zoneCreated, eventPublished);
    published.when(updateZone({ capacity: 40, seatsTaken: 40 })).then(updated(150000, 40));
    published
      .when(updateZone({ capacity: 39, seatsTaken: 40 }))
      .thenFails('INVALID_STATE', { zoneId, capacity: 39, seatsTaken: 40 });
  });

  it('records nothing when nothing changes', () => {
    given(eventCreated, showAdded, zoneCreated)
      .when(updateZone({ price: 150000, capacity: 100 }))
      .then([]);
  });

  it('answers ZONE_NOT_FOUND for a zone the event does not have', () => {
    given(eventCreated, showAdded)
      .when(updateZone({ price: 1 }))
      .thenFails('ZONE_NOT_FOUND');
  });

  it('refuses a zone change on a cancelled event, or for another organizer', () => {
    given(eventCreated, showAdded, zoneCreated, eventCancelled)
      .when(updateZone({ price: 1 }))
      .thenFails('INVALID_STATE');
    given(eventCreated, showAdded, zoneCreated)
      .when(updateZone({ price: 1, actor: otherOrganizer }))
      .thenFails('FORBIDDEN');
  });

  it('refuses a capacity of zero', () => {
    given(eventCreated, showAdded, zoneCreated)
      .when(updateZone({ capacity: 0 }))
      .thenFails('VALIDATION_ERROR');
  });
});
