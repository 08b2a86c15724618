import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { CatalogEvent, WaitingRoomSettings } from './events';
import { toEventResource, toWaitingRoomResource } from './resources';
import { evolve, initialEventState, type ExistingEvent } from './state';
import { eventCreated, eventId, now } from './testing';

const settings: WaitingRoomSettings = {
  enabled: true,
  preQueueOpensAt: '2030-03-01T09:00:00.000Z',
  admissionPerMinute: 120,
  maxInside: 50,
  passLifetimeSeconds: 300,
};

const stateAfter = (...events: CatalogEvent[]) =>
  [eventCreated, ...events].reduce(evolve, initialEventState) as ExistingEvent;

describe('an event’s waiting room as the API shows it', () => {
  it('is null in the event resource, and no room resource, until a room is configured', () => {
    const state = stateAfter();
    assert.equal(toEventResource(state).waitingRoom, null);
    assert.equal(toWaitingRoomResource(state), null);
  });

  it('gives the settings and the pause, inside the event and on its own with the event id', () => {
    const state = stateAfter(
      { type: 'WaitingRoomConfigured', data: { eventId, settings, occurredAt: now } },
      { type: 'WaitingRoomPaused', data: { eventId, occurredAt: now } },
    );
    assert.deepEqual(toEventResource(state).waitingRoom, { ...settings, paused: true });
    assert.deepEqual(toWaitingRoomResource(state), { eventId, ...settings, paused: true });
  });
});
