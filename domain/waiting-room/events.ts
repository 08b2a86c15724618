import type { Event } from '../shared';

/** One stream per event's queue: `waiting-room-<eventId>`. */
export const waitingRoomCategory = 'waiting-room';
export const waitingRoomStreamId = (eventId: string): string => `${waitingRoomCategory}-${eventId}`;

/**
 * The pre-queue is open: joins from now on are shuffled at the sale's start. `seedCommitment` is
 * SHA-256 of the seed the shuffle will use (published now, the seed itself after the shuffle).
 */
export type PreQueueOpened = Event<
  'PreQueueOpened',
  { readonly eventId: string; readonly seedCommitment: string; readonly occurredAt: string }
>;

/** A buyer's place: `seq` is their number in line, null for a pre-queue join (numbered by the shuffle). */
export type RecordedJoin = {
  readonly userId: string;
  readonly seq: number | null;
  readonly joinedAt: string;
};

/** Joins as they were taken, a batch at a time (one event per batch keeps a join storm off the log). */
export type QueueJoinsRecorded = Event<
  'QueueJoinsRecorded',
  { readonly eventId: string; readonly joins: readonly RecordedJoin[]; readonly occurredAt: string }
>;

/**
 * The sale started: the pre-queue joins (every one recorded before this event) were put in the order
 * `shuffledOrder(their user ids, seed)` and numbered 1…`prequeueCount`; later joins follow, first come
 * first served. The seed is revealed here.
 */
export type QueueShuffled = Event<
  'QueueShuffled',
  {
    readonly eventId: string;
    readonly seed: string;
    readonly prequeueCount: number;
    readonly occurredAt: string;
  }
>;

/** Places `fromSeq`…`toSeq` were let in, each with a pass valid until `passExpiresAt`. */
export type BuyersAdmitted = Event<
  'BuyersAdmitted',
  {
    readonly eventId: string;
    readonly fromSeq: number;
    readonly toSeq: number;
    readonly userIds: readonly string[];
    readonly passExpiresAt: string;
    readonly occurredAt: string;
  }
>;

/** No more joins or admissions (sold out, or the event cancelled); everyone waiting is told. */
export type QueueClosed = Event<
  'QueueClosed',
  { readonly eventId: string; readonly reason: 'sold-out' | 'cancelled'; readonly occurredAt: string }
>;

/** Seats came back after a sell-out: the queue takes joins and admits again. */
export type QueueReopened = Event<'QueueReopened', { readonly eventId: string; readonly occurredAt: string }>;

export type WaitingRoomEvent =
  PreQueueOpened | QueueJoinsRecorded | QueueShuffled | BuyersAdmitted | QueueClosed | QueueReopened;

export const waitingRoomEventTypes: readonly WaitingRoomEvent['type'][] = [
  'PreQueueOpened',
  'QueueJoinsRecorded',
  'QueueShuffled',
  'BuyersAdmitted',
  'QueueClosed',
  'QueueReopened',
];
