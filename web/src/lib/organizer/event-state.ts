import type { ManagedEvent, ManagedShow, ManagedZone } from '../api/organizer';

// The manage page applies each command's answer at once, then reads the event again for live
// availability; the read model follows the commands asynchronously, so a read may briefly lag behind.

const byStart = (shows: ManagedShow[]) =>
  [...shows].sort((a, b) => Date.parse(a.startsAt) - Date.parse(b.startsAt));

function availableById(event: ManagedEvent | undefined): Map<string, number> {
  const known = new Map<string, number>();
  for (const show of event?.shows ?? [])
    for (const zone of show.zones) if (zone.available !== undefined) known.set(zone.id, zone.available);
  return known;
}

/** An event from a command's answer (no availability), keeping what `previous` knew of it. */
export function withKnownAvailability(
  answer: ManagedEvent,
  previous: ManagedEvent | undefined,
): ManagedEvent {
  const known = availableById(previous);
  return {
    ...answer,
    shows: byStart(answer.shows).map((show) => ({
      ...show,
      zones: show.zones.map((zone) => ({ ...zone, available: known.get(zone.id) ?? zone.capacity })),
    })),
  };
}

export function withShow(event: ManagedEvent, show: Omit<ManagedShow, 'zones'>): ManagedEvent {
  const existing = event.shows.find((candidate) => candidate.id === show.id);
  const others = event.shows.filter((candidate) => candidate.id !== show.id);
  return { ...event, shows: byStart([...others, { ...show, zones: existing?.zones ?? [] }]) };
}

/** Adds or replaces a zone; a new capacity moves `available` by the same number of seats. */
export function withZone(event: ManagedEvent, zone: ManagedZone): ManagedEvent {
  const shows = event.shows.map((show) => {
    if (show.id !== zone.showId) return show;
    const old = show.zones.find((candidate) => candidate.id === zone.id);
    const available =
      old?.available === undefined ? zone.capacity : old.available + zone.capacity - old.capacity;
    const updated = { ...zone, available: Math.max(0, available) };
    return old
      ? { ...show, zones: show.zones.map((candidate) => (candidate.id === zone.id ? updated : candidate)) }
      : { ...show, zones: [...show.zones, updated] };
  });
  return { ...event, shows };
}

/** What the organizer edits (not availability or timestamps): a read showing the same has caught up. */
function content(event: ManagedEvent): string {
  const {
    name,
    description,
    venue,
    category,
    startsAt,
    saleStartsAt,
    saleEndsAt,
    maxTicketsPerUser,
    status,
  } = event;
  const shows = byStart(event.shows).map((show) => ({
    id: show.id,
    name: show.name,
    at: Date.parse(show.startsAt),
    zones: show.zones.map(({ id, name, price, currency, capacity }) => ({
      id,
      name,
      price,
      currency,
      capacity,
    })),
  }));
  const times = [startsAt, saleStartsAt, saleEndsAt].map((time) => Date.parse(time));
  return JSON.stringify({ name, description, venue, category, times, maxTicketsPerUser, status, shows });
}

export const sameContent = (a: ManagedEvent, b: ManagedEvent): boolean => content(a) === content(b);
