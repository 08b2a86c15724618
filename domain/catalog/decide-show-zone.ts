import type { AddShow, AddZone, UpdateShow, UpdateZone } from './commands';
import { changeableEvent } from './decide-event';
import { invalidState, showNotFound, zoneNotFound } from './errors';
import type { CatalogEvent } from './events';
import { assertCapacity, assertCurrency, assertPrice, assertShowTime, assertText } from './rules';
import { findZone, type EventState } from './state';

export function addShow(command: AddShow, state: EventState): CatalogEvent[] {
  const event = changeableEvent(state, command);
  if (event.shows.some((show) => show.id === command.showId)) throw invalidState('This show already exists');
  if (command.name !== undefined) assertText('name', command.name);
  assertShowTime(command.startsAt, event.details, command.now);
  const { showId, startsAt, now } = command;
  return [
    {
      type: 'ShowAdded',
      data: { eventId: event.id, showId, name: command.name ?? null, startsAt, occurredAt: now },
    },
  ];
}

/**
 * A new name or start for a show that has not begun. Only what differs is recorded; a start must pass
 * the same rules as a new show's.
 */
export function updateShow(command: UpdateShow, state: EventState): CatalogEvent[] {
  const event = changeableEvent(state, command);
  const show = event.shows.find((candidate) => candidate.id === command.showId);
  if (!show) throw showNotFound(command.showId);
  if (Date.parse(show.startsAt) <= Date.parse(command.now)) {
    throw invalidState('The show has already started; it can no longer change', {
      showId: show.id,
      startsAt: show.startsAt,
    });
  }
  const changes: { name?: string | null; startsAt?: string } = {};
  if (command.name !== undefined && command.name !== show.name) {
    if (command.name !== null) assertText('name', command.name);
    changes.name = command.name;
  }
  if (command.startsAt !== undefined && Date.parse(command.startsAt) !== Date.parse(show.startsAt)) {
    assertShowTime(command.startsAt, event.details, command.now);
    changes.startsAt = command.startsAt;
  }
  if (Object.keys(changes).length === 0) return [];
  return [
    {
      type: 'ShowUpdated',
      data: { eventId: event.id, showId: show.id, changes, occurredAt: command.now },
    },
  ];
}

export function addZone(command: AddZone, state: EventState): CatalogEvent[] {
  const event = changeableEvent(state, command);
  if (!event.shows.some((show) => show.id === command.showId)) throw showNotFound(command.showId);
  if (findZone(event, command.zoneId)) throw invalidState('This zone already exists');
  assertText('name', command.name);
  assertPrice(command.price);
  assertCurrency(command.currency);
  assertCapacity(command.capacity);
  const { showId, zoneId, name, price, currency, capacity, now } = command;
  return [
    {
      type: 'ZoneCreated',
      data: { eventId: event.id, showId, zoneId, name, price, currency, capacity, occurredAt: now },
    },
  ];
}

export function updateZone(command: UpdateZone, state: EventState): CatalogEvent[] {
  const event = changeableEvent(state, command);
  const zone = findZone(event, command.zoneId);
  if (!zone) throw zoneNotFound(command.zoneId);
  const price = command.price ?? zone.price;
  const capacity = command.capacity ?? zone.capacity;
  assertPrice(price);
  assertCapacity(capacity);
  if (price === zone.price && capacity === zone.capacity) return [];
  if (event.status === 'published' && capacity < command.seatsTaken) {
    throw invalidState(
      `The zone already has ${command.seatsTaken} seats taken; capacity cannot go below that`,
      {
        zoneId: zone.id,
        capacity,
        seatsTaken: command.seatsTaken,
      },
    );
  }
  return [
    {
      type: 'ZoneUpdated',
      data: {
        eventId: event.id,
        showId: zone.showId,
        zoneId: zone.id,
        price,
        currency: zone.currency,
        capacity,
        previousCapacity: zone.capacity,
        occurredAt: command.now,
      },
    },
  ];
}
