import type { WaitingRoom } from '../../domain/catalog';
import { oddsOfSeats, waitEstimate, type QueuePhase } from '../../domain/waiting-room';
import type { PassRecord } from '../../infra/ports/inventory-actor';
import type { LinePosition } from '../../infra/ports/waiting-line';

/** An admitted buyer's pass to reserve with, until `expiresAt`. */
export type QueuePassGranted = {
  readonly token: string;
  /** @format date-time */
  readonly expiresAt: string;
};

/** Where a buyer stands in an event's waiting room (docs/api.md, "Waiting room"). */
export type BuyerQueueState =
  'not-joined' | 'pre-queue' | 'waiting' | 'admitted' | 'used' | 'expired' | 'sold-out';

export type QueueStatus = {
  /** @format uuid */
  readonly eventId: string;
  readonly state: BuyerQueueState;
  readonly phase: QueuePhase;
  /** The place in line; null before joining and in the pre-queue until the shuffle. */
  readonly place: number | null;
  /** Buyers in line before this one, not yet let in. */
  readonly ahead: number | null;
  /** The estimate at the admission rate; null when nobody is let in now (paused, pre-queue). */
  readonly waitSeconds: number | null;
  readonly odds: 'likely' | 'possible' | 'unlikely' | 'sold-out' | null;
  readonly seatsLeft: number;
  /** @format date-time */
  readonly preQueueOpensAt: string;
  /** @format date-time */
  readonly saleStartsAt: string;
  /** Present while admitted: send `token` as the `Queue-Pass` header of `POST /bookings`. */
  readonly pass: QueuePassGranted | null;
  /** When asking again is worth it; further back in line, less often. */
  readonly pollAfterSeconds: number;
};

/** The room's seats and buyers inside, shared by everyone reading the same event's status. */
export type RoomSnapshot = {
  readonly seatsLeft: number;
  /** Seats held or sold across the event's zones. */
  readonly seatsTaken: number;
  readonly inside: number;
  readonly passesOut: number;
};

export type QueueStatusInputs = {
  readonly eventId: string;
  readonly room: WaitingRoom;
  readonly saleStartsAt: string;
  readonly maxTicketsPerUser: number;
  readonly position: LinePosition;
  /** The buyer's pass, looked up only once their place was let in. */
  readonly pass: PassRecord | undefined;
  readonly snapshot: RoomSnapshot;
  readonly now: number;
  readonly signPass: (pass: PassRecord) => string;
};

const clamp = (value: number, min: number, max: number) => Math.min(max, Math.max(min, value));

/**
 * Seats one admitted buyer takes on average so far: the seats taken over the buyers let in who no longer
 * hold an unused pass. The limit until ten buyers tell (the careful guess: odds never look better than
 * they are at the start).
 */
function seatsPerBuyer(inputs: QueueStatusInputs): number {
  const served = inputs.position.admittedUpTo - inputs.snapshot.passesOut;
  if (served < 10 || inputs.snapshot.seatsTaken === 0) return inputs.maxTicketsPerUser;
  return clamp(inputs.snapshot.seatsTaken / served, 1, inputs.maxTicketsPerUser);
}

function stateOf(inputs: QueueStatusInputs): BuyerQueueState {
  const { position, pass, now } = inputs;
  if (!position.joined) return 'not-joined';
  const closed = position.phase === 'closed';
  if (position.place === null) return closed ? 'sold-out' : 'pre-queue';
  if (position.place > position.admittedUpTo || !pass || pass.seq !== position.place) {
    return closed ? 'sold-out' : 'waiting';
  }
  if (pass.used) return 'used';
  return pass.expiresAt > now ? 'admitted' : 'expired';
}

/** The buyer's status from the line, their pass and the room's snapshot: pure, so every rule is tested. */
export function queueStatus(inputs: QueueStatusInputs): QueueStatus {
  const { position, room, snapshot, now } = inputs;
  const state = stateOf(inputs);
  const waiting = state === 'waiting';
  const estimate =
    waiting && position.place !== null
      ? waitEstimate({
          place: position.place,
          admittedUpTo: position.admittedUpTo,
          admissionPerMinute: room.admissionPerMinute,
          paused: room.paused,
        })
      : undefined;
  const odds =
    state === 'waiting' || state === 'pre-queue'
      ? oddsOfSeats({
          // In the pre-queue nobody knows their place yet: the draw puts half of it ahead on average.
          ahead: estimate?.ahead ?? Math.floor(position.prequeued / 2),
          inside: snapshot.inside,
          seatsLeft: snapshot.seatsLeft,
          seatsPerBuyer: seatsPerBuyer(inputs),
          maxTicketsPerUser: inputs.maxTicketsPerUser,
        }).odds
      : state === 'sold-out'
        ? 'sold-out'
        : null;
  const pass =
    state === 'admitted' && inputs.pass
      ? { token: inputs.signPass(inputs.pass), expiresAt: new Date(inputs.pass.expiresAt).toISOString() }
      : null;
  return {
    eventId: inputs.eventId,
    state,
    phase: position.phase,
    place: position.joined ? position.place : null,
    ahead: estimate?.ahead ?? null,
    waitSeconds: estimate?.waitSeconds ?? null,
    odds,
    seatsLeft: snapshot.seatsLeft,
    preQueueOpensAt: room.preQueueOpensAt,
    saleStartsAt: inputs.saleStartsAt,
    pass,
    pollAfterSeconds: pollAfter(state, estimate?.waitSeconds ?? null, Date.parse(inputs.saleStartsAt) - now),
  };
}

/** Near the front every 2 s; a tenth of the wait further back, at most 30 s; at the sale's start in the pre-queue. */
function pollAfter(state: BuyerQueueState, waitSeconds: number | null, untilSaleMs: number): number {
  if (state === 'waiting') return waitSeconds === null ? 10 : clamp(Math.ceil(waitSeconds / 10), 2, 30);
  if (state === 'pre-queue') return clamp(Math.ceil(untilSaleMs / 1000), 2, 30);
  if (state === 'admitted') return 10;
  return 30;
}
