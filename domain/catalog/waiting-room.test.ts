import { describe, it } from 'node:test';
import type { Actor } from './actor';
import type { CatalogEvent, WaitingRoomSettings } from './events';
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
  zoneCreated,
} from './testing';

const configure = (settings: Partial<WaitingRoomSettings>, actor: Actor = owner) => ({
  type: 'ConfigureWaitingRoom' as const,
  actor,
  now,
  settings,
});
const pause = (actor: Actor = owner) => ({ type: 'PauseAdmission' as const, actor, now });
const resume = (actor: Actor = owner) => ({ type: 'ResumeAdmission' as const, actor, now });

const settings: WaitingRoomSettings = {
  enabled: true,
  preQueueOpensAt: '2030-03-01T09:30:00.000Z',
  admissionPerMinute: 120,
  maxInside: 50,
  passLifetimeSeconds: 300,
};
const configured: CatalogEvent = {
  type: 'WaitingRoomConfigured',
  data: { eventId, settings, occurredAt: now },
};
const paused: CatalogEvent = { type: 'WaitingRoomPaused', data: { eventId, occurredAt: now } };

describe('configuring an event’s waiting room', () => {
  it('records every setting, with defaults for those left out (pre-queue an hour before the sale)', () => {
    given(eventCreated)
      .when(configure({}))
      .then([
        {
          type: 'WaitingRoomConfigured',
          data: {
            eventId,
            settings: {
              enabled: true,
              preQueueOpensAt: '2030-03-01T09:00:00.000Z',
              admissionPerMinute: 600,
              maxInside: 1000,
              passLifetimeSeconds: 300,
            },
            occurredAt: now,
          },
        },
      ]);
  });

  it('changes live: a later change keeps what it does not name; the same settings again are no change', () => {
    given(eventCreated, showAdded, zoneCreated, eventPublished, configured)
      .when(configure({ admissionPerMinute: 30 }, admin))
      .then([
        {
          type: 'WaitingRoomConfigured',
          data: { eventId, settings: { ...settings, admissionPerMinute: 30 }, occurredAt: now },
        },
      ]);
    given(eventCreated, configured)
      .when(configure({ maxInside: 50 }))
      .thenNothing();
    given(eventCreated, configured)
      .when(configure({ enabled: false }))
      .then([
        {
          type: 'WaitingRoomConfigured',
          data: { eventId, settings: { ...settings, enabled: false }, occurredAt: now },
        },
      ]);
  });

  it('refuses settings out of bounds and a pre-queue that opens after the sale starts', () => {
    for (const bad of [
      { admissionPerMinute: 0 },
      { admissionPerMinute: 1.5 },
      { maxInside: 100_001 },
      { passLifetimeSeconds: 10 },
      { preQueueOpensAt: 'soon' },
      { preQueueOpensAt: '2030-03-01T10:00:01.000Z' },
    ]) {
      given(eventCreated).when(configure(bad)).thenFails('VALIDATION_ERROR');
    }
  });

  it('is for the event’s organizer and admins only, and not for a cancelled event', () => {
    given(eventCreated).when(configure({}, otherOrganizer)).thenFails('FORBIDDEN');
    given(eventCreated).when(configure({}, customer)).thenFails('FORBIDDEN');
    given(eventCreated, eventCancelled).when(configure({})).thenFails('INVALID_STATE');
  });
});

describe('pausing and resuming admission', () => {
  it('pauses and resumes; doing either twice is no change', () => {
    given(eventCreated, configured).when(pause()).then([paused]);
    given(eventCreated, configured, paused).when(pause()).thenNothing();
    given(eventCreated, configured, paused)
      .when(resume(admin))
      .then([{ type: 'WaitingRoomResumed', data: { eventId, occurredAt: now } }]);
    given(eventCreated, configured).when(resume()).thenNothing();
  });

  it('needs a room, and the right to change the event', () => {
    given(eventCreated).when(pause()).thenFails('INVALID_STATE');
    given(eventCreated, configured).when(pause(otherOrganizer)).thenFails('FORBIDDEN');
  });

  it('keeps a pause across a change of settings', () => {
    given(eventCreated, configured, paused)
      .when(resume())
      .then([{ type: 'WaitingRoomResumed', data: { eventId, occurredAt: now } }]);
    given(eventCreated, configured, paused, {
      type: 'WaitingRoomConfigured',
      data: { eventId, settings: { ...settings, maxInside: 9 }, occurredAt: now },
    })
      .when(pause())
      .thenNothing();
  });
});
