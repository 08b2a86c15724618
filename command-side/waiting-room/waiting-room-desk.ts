import { createHash } from 'node:crypto';
import {
  eventNotFound,
  mayChange,
  toEventWaitingRoomResource,
  type EventWaitingRoomResource,
  type ExistingEvent,
  type WaitingRoom,
} from '../../domain/catalog';
import { AppError } from '../../domain/shared';
import { shuffledOrder, type QueuePhase, type QueueReport } from '../../domain/waiting-room';
import type { Principal } from '../../infra/ports/auth';
import type { EventStore } from '../../infra/ports/event-store';
import type { InventoryActor } from '../../infra/ports/inventory-actor';
import type { WaitingLine } from '../../infra/ports/waiting-line';
import type { QueuePasses } from './queue-pass';
import { QueueRecord } from './queue-record';
import { queueStatus, type QueueStatus } from './queue-status';
import { fingerprintOf, type RoomSnapshots } from './room-snapshots';

export type WaitingRoomDeskDeps = {
  readonly catalog: { event(eventId: string): ExistingEvent | undefined };
  readonly line: WaitingLine;
  readonly actor: InventoryActor;
  readonly passes: QueuePasses;
  readonly snapshots: RoomSnapshots;
  readonly store: EventStore;
  readonly clock: () => number;
};

/** A buyer's status, its entity tag, and what it was made from (for the long poll). */
export type ReadStatus = {
  readonly status: QueueStatus;
  readonly etag: string;
  readonly fingerprint: string;
};

/** The organizer's live view of one room. */
export type RoomLiveView = {
  /** @format uuid */
  readonly eventId: string;
  readonly settings: EventWaitingRoomResource;
  readonly phase: QueuePhase;
  /** hex(SHA-256(seed)), published when the pre-queue opens; null before. */
  readonly seedCommitment: string | null;
  /** Numbered places not yet let in, plus the pre-queue before its shuffle. */
  readonly waiting: number;
  readonly targetPerMinute: number;
  readonly inside: number;
  readonly passesOut: number;
  readonly seatsLeft: number;
} & QueueReport;

/** What anyone needs to recompute the pre-queue's order (docs/waiting-room.md). */
export type QueueFairness = {
  /** @format uuid */
  readonly eventId: string;
  /** hex(SHA-256(seed)), published when the pre-queue opens; null before. */
  readonly seedCommitment: string | null;
  /** Revealed by the shuffle; null until then. */
  readonly seed: string | null;
  /** @format date-time */
  readonly shuffledAt: string | null;
  /** The pre-queue's buyers in the order their joins were recorded. */
  readonly prequeue: readonly string[];
  /** The same buyers in the order the shuffle gave them (place 1 first); empty before the shuffle. */
  readonly order: readonly string[];
  readonly algorithm: string;
};

const fairnessAlgorithm =
  'seedCommitment = hex(SHA-256(UTF-8 seed)). The pre-queue user ids, deduplicated and sorted by UTF-16 code units, are shuffled by Fisher–Yates from the last index i down to 1, swapping i with uniform(i + 1); uniform(b) draws 32-bit big-endian words from HMAC-SHA256(key = seed, message = decimal block number 0, 1, …), eight per block, redrawing words ≥ 2^32 − (2^32 mod b), and answers word mod b. Index 0 is place 1.';

const notEnabled = () =>
  new AppError('QUEUE_NOT_ENABLED', 'This event has no waiting room: reserve seats directly');
const unavailable = (cause: unknown) =>
  Object.assign(new AppError('SERVICE_UNAVAILABLE', 'The waiting room cannot be reached right now'), {
    cause,
  });

/** Redis (or whatever holds the line) failing is an outage the client may retry, never a 500. */
async function reachable<T>(work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (error) {
    throw error instanceof AppError ? error : unavailable(error);
  }
}

/** Of what the buyer sees; `pollAfterSeconds` is a hint (it counts down in the pre-queue), so it is left out. */
const etagOf = ({ pollAfterSeconds: _hint, ...seen }: QueueStatus) =>
  `"${createHash('sha1').update(JSON.stringify(seen)).digest('base64url')}"`;

/**
 * The waiting room's front desk: buyers join and read their status (one read of the line, no database),
 * organizers watch the room, anyone checks the shuffle. The admission worker does the letting in.
 */
export class WaitingRoomDesk {
  readonly #record: QueueRecord;

  constructor(private readonly deps: WaitingRoomDeskDeps) {
    this.#record = new QueueRecord(deps.store);
  }

  /** One place per buyer; `joinedNow` is false when they had one already (another tab or device). */
  async join(userId: string, eventId: string): Promise<{ read: ReadStatus; joinedNow: boolean }> {
    const { event, room } = this.#roomOf(eventId);
    const now = this.deps.clock();
    if (now < Date.parse(room.preQueueOpensAt)) {
      throw new AppError('QUEUE_NOT_OPEN', `The queue opens at ${room.preQueueOpensAt}`, {
        preQueueOpensAt: room.preQueueOpensAt,
      });
    }
    const { line } = this.deps;
    let joined = await reachable(line.join(eventId, userId, now));
    // The worker opens the pre-queue on its next step; a buyer on time does not wait for it.
    if (!joined.ok && joined.reason === 'QUEUE_NOT_OPEN') {
      await reachable(line.openPreQueue(eventId));
      joined = await reachable(line.join(eventId, userId, now));
    }
    if (!joined.ok) {
      throw joined.reason === 'QUEUE_CLOSED'
        ? new AppError('QUEUE_CLOSED', 'The queue has closed: every seat is taken')
        : new AppError('QUEUE_NOT_OPEN', `The queue opens at ${room.preQueueOpensAt}`);
    }
    return { read: await this.#status(userId, event, room), joinedNow: !joined.again };
  }

  status(userId: string, eventId: string): Promise<ReadStatus> {
    const { event, room } = this.#roomOf(eventId);
    return this.#status(userId, event, room);
  }

  /**
   * The long poll: while the status still has the entity tag the client holds, waits for what it is made
   * of to change, up to `waitMs`. A change of state or phase (admitted, sold out, the shuffle) answers at
   * once; a mere step forward in line waits out the status's own `pollAfterSeconds` first, so a crowd far
   * back is not answered every time admission moves.
   */
  async statusAfter(
    userId: string,
    eventId: string,
    held: { etag: string; waitMs: number; signal?: AbortSignal },
  ): Promise<ReadStatus> {
    const started = this.deps.clock();
    const deadline = started + held.waitMs;
    const first = await this.status(userId, eventId);
    if (first.etag !== held.etag) return first;
    const patientUntil = Math.min(deadline, started + first.status.pollAfterSeconds * 1000);
    let read = first;
    for (;;) {
      const moved = read.etag !== held.etag;
      const until = moved ? patientUntil : deadline;
      if (this.deps.clock() >= until || held.signal?.aborted) return read;
      await this.deps.snapshots.changed(eventId, read.fingerprint, until);
      if (held.signal?.aborted) return read;
      read = await this.status(userId, eventId);
      const { state, phase } = read.status;
      if (state !== first.status.state || phase !== first.status.phase) return read;
    }
  }

  /** The room as it runs: settings, line, seats and buyers inside, and how the waits went. */
  async liveView(actor: Principal, eventId: string): Promise<RoomLiveView> {
    const event = this.deps.catalog.event(eventId);
    if (!event) throw eventNotFound();
    if (!mayChange(actor, event.organizerId)) {
      throw new AppError('FORBIDDEN', 'Only the event’s organizer or an admin may watch its waiting room');
    }
    if (!event.waitingRoom) throw notEnabled();
    const room = event.waitingRoom;
    const [position, snapshot, recorded] = await Promise.all([
      reachable(this.deps.line.position(eventId, '')),
      reachable(this.deps.snapshots.of(eventId)),
      this.#record.read(eventId, room.admissionPerMinute),
    ]);
    const numbered = position.phase === 'prequeue' ? 0 : position.lastPlace;
    return {
      eventId,
      settings: toEventWaitingRoomResource(room),
      phase: position.phase,
      seedCommitment: recorded.state.seedCommitment,
      waiting:
        Math.max(0, numbered - position.admittedUpTo) +
        (position.phase === 'prequeue' ? position.prequeued : 0),
      targetPerMinute: room.admissionPerMinute,
      inside: snapshot.inside,
      passesOut: snapshot.passesOut,
      seatsLeft: snapshot.seatsLeft,
      ...recorded.report.reportAt(this.deps.clock()),
    };
  }

  /** The commitment, the seed once revealed, and the recorded pre-queue: anyone recomputes the order. */
  async fairness(eventId: string): Promise<QueueFairness> {
    const event = this.deps.catalog.event(eventId);
    if (!event || event.status === 'draft') throw eventNotFound();
    if (!event.waitingRoom) throw notEnabled();
    const { state, shuffledAt } = await this.#record.read(eventId, event.waitingRoom.admissionPerMinute);
    return {
      eventId,
      seedCommitment: state.seedCommitment,
      seed: state.seed,
      shuffledAt,
      prequeue: state.prequeue,
      order: state.seed === null ? [] : shuffledOrder(state.prequeue, state.seed),
      algorithm: fairnessAlgorithm,
    };
  }

  async #status(userId: string, event: ExistingEvent, room: WaitingRoom): Promise<ReadStatus> {
    const eventId = event.id;
    const [position, snapshot] = await Promise.all([
      reachable(this.deps.line.position(eventId, userId)),
      reachable(this.deps.snapshots.of(eventId)),
    ]);
    const admitted = position.place !== null && position.place <= position.admittedUpTo;
    const pass = admitted ? await reachable(this.deps.actor.passOf({ eventId, userId })) : undefined;
    const status = queueStatus({
      eventId,
      room,
      saleStartsAt: event.details.saleStartsAt,
      maxTicketsPerUser: event.details.maxTicketsPerUser,
      position,
      pass,
      snapshot,
      now: this.deps.clock(),
      signPass: (granted) => this.deps.passes.sign({ eventId, ...granted }),
    });
    return { status, etag: etagOf(status), fingerprint: fingerprintOf(position, snapshot) };
  }

  #roomOf(eventId: string): { event: ExistingEvent; room: WaitingRoom } {
    const event = this.deps.catalog.event(eventId);
    if (!event || event.status === 'draft') throw eventNotFound();
    if (!event.waitingRoom?.enabled) throw notEnabled();
    return { event, room: event.waitingRoom };
  }
}
