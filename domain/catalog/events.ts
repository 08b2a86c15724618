import type { Event } from '../shared';

/** What an organizer describes about an event; timestamps are ISO 8601 UTC strings. */
export type EventDetails = {
  readonly name: string;
  readonly description: string;
  readonly venue: string;
  readonly category: string | null;
  readonly startsAt: string;
  readonly saleStartsAt: string;
  readonly saleEndsAt: string;
  readonly maxTicketsPerUser: number;
};

export type EventCreated = Event<
  'EventCreated',
  EventDetails & {
    readonly eventId: string;
    readonly slug: string;
    readonly organizerId: string;
    readonly tenantId: string | null;
    readonly occurredAt: string;
  }
>;

/** Only the fields that changed; the slug never changes (links stay valid). */
export type EventUpdated = Event<
  'EventUpdated',
  { readonly eventId: string; readonly changes: Partial<EventDetails>; readonly occurredAt: string }
>;

export type EventPublished = Event<
  'EventPublished',
  { readonly eventId: string; readonly occurredAt: string }
>;

export type EventCancelled = Event<
  'EventCancelled',
  { readonly eventId: string; readonly reason: string | null; readonly occurredAt: string }
>;

export type ShowAdded = Event<
  'ShowAdded',
  {
    readonly eventId: string;
    readonly showId: string;
    readonly name: string | null;
    readonly startsAt: string;
    readonly occurredAt: string;
  }
>;

/** Only the fields that changed: a new name (null clears it) or a new start. */
export type ShowUpdated = Event<
  'ShowUpdated',
  {
    readonly eventId: string;
    readonly showId: string;
    readonly changes: { readonly name?: string | null; readonly startsAt?: string };
    readonly occurredAt: string;
  }
>;

/**
 * A zone exists and can be sold. This is the provisioning trigger of the inventory actor (booking
 * issue): it carries everything needed to set up the zone's seat counter without reading anything else.
 */
export type ZoneCreated = Event<
  'ZoneCreated',
  {
    readonly eventId: string;
    readonly showId: string;
    readonly zoneId: string;
    readonly name: string;
    /** Minor units of `currency`. */
    readonly price: number;
    readonly currency: string;
    readonly capacity: number;
    readonly occurredAt: string;
  }
>;

/** New price and capacity of a zone; `previousCapacity` lets the inventory actor adjust its counter by the difference. */
export type ZoneUpdated = Event<
  'ZoneUpdated',
  {
    readonly eventId: string;
    readonly showId: string;
    readonly zoneId: string;
    readonly price: number;
    readonly currency: string;
    readonly capacity: number;
    readonly previousCapacity: number;
    readonly occurredAt: string;
  }
>;

/** How an event's virtual waiting room runs (docs/waiting-room.md). */
export type WaitingRoomSettings = {
  /** While on, a reservation needs a pass from the room. */
  readonly enabled: boolean;
  /** When buyers may start joining (before `saleStartsAt`); joins before the sale starts are shuffled then. */
  readonly preQueueOpensAt: string;
  /** Buyers let in per minute, at most. */
  readonly admissionPerMinute: number;
  /** Buyers inside at once (admitted, with a pass or a hold not yet paid), at most. */
  readonly maxInside: number;
  /** How long an admitted buyer has to make a hold. */
  readonly passLifetimeSeconds: number;
};

/** The waiting room's settings, all of them, as they are from now on. */
export type WaitingRoomConfigured = Event<
  'WaitingRoomConfigured',
  { readonly eventId: string; readonly settings: WaitingRoomSettings; readonly occurredAt: string }
>;

/** Admission stops (the queue keeps its order and takes joins) until resumed. */
export type WaitingRoomPaused = Event<
  'WaitingRoomPaused',
  { readonly eventId: string; readonly occurredAt: string }
>;

export type WaitingRoomResumed = Event<
  'WaitingRoomResumed',
  { readonly eventId: string; readonly occurredAt: string }
>;

/** Every event of the `event-<id>` stream: the event, its shows and their zones. */
export type CatalogEvent =
  | EventCreated
  | EventUpdated
  | EventPublished
  | EventCancelled
  | ShowAdded
  | ShowUpdated
  | ZoneCreated
  | ZoneUpdated
  | WaitingRoomConfigured
  | WaitingRoomPaused
  | WaitingRoomResumed;

export const catalogEventTypes: readonly CatalogEvent['type'][] = [
  'EventCreated',
  'EventUpdated',
  'EventPublished',
  'EventCancelled',
  'ShowAdded',
  'ShowUpdated',
  'ZoneCreated',
  'ZoneUpdated',
  'WaitingRoomConfigured',
  'WaitingRoomPaused',
  'WaitingRoomResumed',
];
