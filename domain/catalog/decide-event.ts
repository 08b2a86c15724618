import { assertWellFormedText } from '../shared';
import { mayChange, mayOrganize } from './actor';
import type { CancelEvent, CreateEvent, PublishEvent, UpdateEvent } from './commands';
import { eventNotFound, invalidState, notYourEvent } from './errors';
import type { CatalogEvent, EventDetails } from './events';
import {
  assertCoherentSchedule,
  assertInFuture,
  assertMaxTicketsPerUser,
  assertText,
  defaultMaxTicketsPerUser,
} from './rules';
import type { EventState, ExistingEvent } from './state';

/** The event exists, the actor may change it, and it is not cancelled. */
export function changeableEvent(state: EventState, command: { actor: CreateEvent['actor'] }): ExistingEvent {
  if (!state.exists) throw eventNotFound();
  if (!mayChange(command.actor, state.organizerId)) throw notYourEvent();
  if (state.status === 'cancelled') throw invalidState('The event is cancelled; it can no longer change');
  return state;
}

function assertDetails(details: EventDetails, state: ExistingEvent | undefined): void {
  for (const field of ['name', 'venue'] as const) assertText(field, details[field]);
  for (const field of ['description', 'category'] as const) assertWellFormedText(field, details[field]);
  assertMaxTicketsPerUser(details.maxTicketsPerUser);
  assertCoherentSchedule(details, state?.shows ?? []);
}

export function createEvent(command: CreateEvent, state: EventState): CatalogEvent[] {
  if (state.exists) throw invalidState('An event with this id already exists');
  if (!mayOrganize(command.actor)) throw notYourEvent();
  const details: EventDetails = {
    ...command.details,
    saleEndsAt: command.details.saleEndsAt ?? command.details.startsAt,
    maxTicketsPerUser: command.details.maxTicketsPerUser ?? defaultMaxTicketsPerUser,
  };
  assertDetails(details, undefined);
  assertInFuture('startsAt', details.startsAt, command.now);
  const { eventId, slug, tenantId, now } = command;
  return [
    {
      type: 'EventCreated',
      data: { eventId, slug, organizerId: command.actor.userId, tenantId, ...details, occurredAt: now },
    },
  ];
}

export function updateEvent(command: UpdateEvent, state: EventState): CatalogEvent[] {
  const event = changeableEvent(state, command);
  const changes = Object.fromEntries(
    Object.entries(command.changes).filter(
      ([field, value]) => value !== undefined && value !== event.details[field as keyof EventDetails],
    ),
  ) as Partial<EventDetails>;
  if (Object.keys(changes).length === 0) return [];
  assertDetails({ ...event.details, ...changes }, event);
  if (changes.startsAt !== undefined) assertInFuture('startsAt', changes.startsAt, command.now);
  return [{ type: 'EventUpdated', data: { eventId: event.id, changes, occurredAt: command.now } }];
}

export function publishEvent(command: PublishEvent, state: EventState): CatalogEvent[] {
  const event = changeableEvent(state, command);
  if (event.status !== 'draft')
    throw invalidState(`Only a draft event can be published; it is ${event.status}`);
  if (!event.shows.some((show) => show.zones.length > 0)) {
    throw invalidState('Add at least one show with a zone before publishing');
  }
  return [{ type: 'EventPublished', data: { eventId: event.id, occurredAt: command.now } }];
}

export function cancelEvent(command: CancelEvent, state: EventState): CatalogEvent[] {
  const event = changeableEvent(state, command);
  assertWellFormedText('reason', command.reason);
  return [
    {
      type: 'EventCancelled',
      data: { eventId: event.id, reason: command.reason ?? null, occurredAt: command.now },
    },
  ];
}
