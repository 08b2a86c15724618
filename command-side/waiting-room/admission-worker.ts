import { createHmac } from 'node:crypto';
import type { EventStatus, ExistingEvent, WaitingRoom } from '../../domain/catalog';
import {
  admissionBudget,
  rateCredit,
  seedCommitment,
  shuffledOrder,
  waitingRoomDecider,
  waitingRoomStreamId,
  type QueueState,
  type WaitingRoomCommand,
} from '../../domain/waiting-room';
import type { EventStore } from '../../infra/ports/event-store';
import type { InventoryActor } from '../../infra/ports/inventory-actor';
import type { Metrics } from '../../infra/ports/metrics';
import type { WaitingLine } from '../../infra/ports/waiting-line';
import { foldStream, handleCommand } from '../shared';

/** One event with a waiting room, as the catalog knows it. */
export type RoomOfEvent = {
  readonly eventId: string;
  readonly room: WaitingRoom;
  /** ISO 8601: when the pre-queue is shuffled and admission starts. */
  readonly saleStartsAt: string;
  readonly maxTicketsPerUser: number;
  readonly zoneIds: readonly string[];
  /** Drafts wait for publishing; a cancelled event's queue closes for good. */
  readonly status: EventStatus;
};

/** The catalog's event as the worker sees it; undefined when it has no waiting room. */
export function roomOfEvent(event: ExistingEvent): RoomOfEvent | undefined {
  if (!event.waitingRoom) return undefined;
  return {
    eventId: event.id,
    room: event.waitingRoom,
    saleStartsAt: event.details.saleStartsAt,
    maxTicketsPerUser: event.details.maxTicketsPerUser,
    zoneIds: event.shows.flatMap((show) => show.zones.map((zone) => zone.id)),
    status: event.status,
  };
}

export type AdmissionWorkerDeps = {
  readonly store: EventStore;
  readonly line: WaitingLine;
  readonly actor: InventoryActor;
  /** The secret the shuffle seeds derive from (unknown outside, so a seed cannot be guessed before it is revealed). */
  readonly seedSecret: string;
  readonly clock: () => number;
  /** Joins moved to the log per event and step, at most. */
  readonly recordBatch?: number;
  /** Where the buyers let in are counted, per event. */
  readonly metrics?: Pick<Metrics, 'waitingRoomAdmitted'>;
};

type Aggregate = { state: QueueState; revision: number };
type Progress = { aggregate: Aggregate; roomOn: boolean | undefined; credit: number; creditAt: number };

/**
 * One step of every event's waiting room, run by the single active admission worker (the caller holds
 * the lock): opens the pre-queue at its time, records joins, shuffles at the sale's start, closes and
 * reopens with the seats, and lets buyers in at the configured rate while the room has space and the
 * buyers inside could not already take every seat left. Every decision is appended to the event's
 * `waiting-room-<eventId>` stream before Redis (or the in-process line) is told, so a restart replays
 * what was decided and loses or repeats no one.
 */
export class AdmissionWorker {
  readonly #progress = new Map<string, Progress>();

  constructor(private readonly deps: AdmissionWorkerDeps) {}

  /** Buyers whose join is recorded and who are not let in yet, per room this worker steps. */
  queueLengths(): Array<{ readonly eventId: string; readonly waiting: number }> {
    return [...this.#progress].map(([eventId, { aggregate }]) => ({
      eventId,
      waiting: Math.max(0, aggregate.state.nextSeq - 1 - aggregate.state.admittedUpTo),
    }));
  }

  /** Buyers inside each room this worker steps, as the inventory actor counts them now. */
  async inside(now: number): Promise<Array<{ readonly eventId: string; readonly inside: number }>> {
    const eventIds = [...this.#progress.keys()];
    const occupancy = await Promise.all(
      eventIds.map((eventId) => this.deps.actor.roomOccupancy({ eventId, now })),
    );
    return eventIds.map((eventId, index) => ({ eventId, inside: occupancy[index]!.inside }));
  }

  /** The seed of an event's shuffle: HMAC-SHA256(secret, eventId), revealed in `QueueShuffled`. */
  seedOf(eventId: string): string {
    return createHmac('sha256', this.deps.seedSecret).update(`waiting-room:${eventId}`).digest('hex');
  }

  /** Forgets what it held in memory (the lock was lost): the next step reads the streams again. */
  reset(): void {
    this.#progress.clear();
  }

  /** Forgets one event's progress (its step failed): the next step reads its stream again. */
  forget(eventId: string): void {
    this.#progress.delete(eventId);
  }

  async stepEvent(room: RoomOfEvent): Promise<void> {
    if (room.status === 'draft') return;
    const { actor, line } = this.deps;
    const progress = await this.#load(room.eventId);
    if (room.status === 'cancelled') return this.#closeForGood(progress, room.eventId);
    if (progress.roomOn !== room.room.enabled) {
      await actor.setWaitingRoom({ eventId: room.eventId, enabled: room.room.enabled });
      progress.roomOn = room.room.enabled;
    }
    if (!room.room.enabled) return;
    const now = this.deps.clock();
    const { eventId } = room;
    if (progress.aggregate.state.phase === 'not-opened' && now >= Date.parse(room.room.preQueueOpensAt)) {
      await this.#decide(progress, {
        type: 'OpenPreQueue',
        eventId,
        now: iso(now),
        seedCommitment: seedCommitment(this.seedOf(eventId)),
      });
    }
    if (progress.aggregate.state.phase !== 'not-opened') await line.openPreQueue(eventId);
    await this.#recordJoins(progress, eventId, now);
    if (progress.aggregate.state.phase === 'prequeue' && now >= Date.parse(room.saleStartsAt)) {
      const prequeued = new Set(await line.endPreQueue(eventId)).size;
      // Only the pre-queue must be in the log before the draw; joins after it wait for the next steps.
      while (
        progress.aggregate.state.prequeue.length < prequeued &&
        (await this.#recordJoins(progress, eventId, now))
      );
      await this.#decide(progress, {
        type: 'ShuffleQueue',
        eventId,
        now: iso(now),
        seed: this.seedOf(eventId),
      });
      const { state } = progress.aggregate;
      await line.numberPreQueue(eventId, shuffledOrder(state.prequeue, state.seed!));
    }
    await this.#admit(progress, room, now);
  }

  async #closeForGood(progress: Progress, eventId: string): Promise<void> {
    if (progress.aggregate.state.phase === 'closed' && progress.roomOn === false) return;
    const now = iso(this.deps.clock());
    await this.#decide(progress, { type: 'CloseQueue', eventId, now, reason: 'cancelled' });
    await this.deps.line.closeLine(eventId);
    await this.deps.actor.setWaitingRoom({ eventId, enabled: false });
    progress.roomOn = false;
  }

  async #admit(progress: Progress, room: RoomOfEvent, now: number): Promise<void> {
    const { actor, line } = this.deps;
    const { eventId } = room;
    const phase = progress.aggregate.state.phase;
    if (phase !== 'open' && phase !== 'closed') {
      // The rate's credit builds only once admission can start: the draw lets in one step's worth.
      progress.credit = 0;
      progress.creditAt = now;
      return;
    }
    let seatsLeft = 0;
    for (const zoneId of room.zoneIds)
      seatsLeft += (await actor.snapshot({ eventId, zoneId }))?.available ?? 0;
    if (phase === 'open' && seatsLeft === 0) {
      await this.#decide(progress, { type: 'CloseQueue', eventId, now: iso(now), reason: 'sold-out' });
      await line.closeLine(eventId);
      return;
    }
    if (phase === 'closed') {
      if (seatsLeft === 0) return;
      await this.#decide(progress, { type: 'ReopenQueue', eventId, now: iso(now) });
      await line.reopenLine(eventId);
    }
    const { state } = progress.aggregate;
    progress.credit = rateCredit({
      credit: progress.credit,
      elapsedMs: now - progress.creditAt,
      perMinute: room.room.admissionPerMinute,
    });
    progress.creditAt = now;
    const occupancy = await actor.roomOccupancy({ eventId, now });
    const count = admissionBudget({
      paused: room.room.paused,
      admissionPerMinute: room.room.admissionPerMinute,
      maxInside: room.room.maxInside,
      ...occupancy,
      waiting: state.nextSeq - 1 - state.admittedUpTo,
      seatsLeft,
      maxTicketsPerUser: room.maxTicketsPerUser,
      rateAllows: progress.credit,
    });
    if (count === 0) return;
    const passExpiresAt = now + room.room.passLifetimeSeconds * 1000;
    const events = await this.#decide(progress, {
      type: 'AdmitBuyers',
      eventId,
      now: iso(now),
      count,
      passExpiresAt: iso(passExpiresAt),
    });
    progress.credit -= count;
    for (const event of events) if (event.type === 'BuyersAdmitted') await this.#grant(eventId, event.data);
  }

  async #grant(
    eventId: string,
    admitted: { fromSeq: number; toSeq: number; userIds: readonly string[]; passExpiresAt: string },
  ): Promise<void> {
    const { state } = this.#progress.get(eventId)!.aggregate;
    const expiresAt = Date.parse(admitted.passExpiresAt);
    const passes = admitted.userIds.map((userId) => ({ userId, seq: state.places.get(userId)!, expiresAt }));
    await this.deps.actor.grantPasses({ eventId, passes });
    await this.deps.line.markAdmitted(eventId, admitted.toSeq);
    this.deps.metrics?.waitingRoomAdmitted(eventId, passes.length);
  }

  /** Moves up to one batch of joins from the line to the log; true when it moved any. */
  async #recordJoins(progress: Progress, eventId: string, now: number): Promise<boolean> {
    const joins = await this.deps.line.unrecorded(eventId, this.deps.recordBatch ?? 1_000);
    if (joins.length === 0) return false;
    await this.#decide(progress, { type: 'RecordJoins', eventId, now: iso(now), joins });
    await this.deps.line.markRecorded(eventId, joins.length);
    return true;
  }

  async #decide(progress: Progress, command: WaitingRoomCommand) {
    const outcome = await handleCommand(
      this.deps.store,
      waitingRoomStreamId(command.eventId),
      waitingRoomDecider,
      command,
      { userId: 'waiting-room' },
      { known: progress.aggregate },
    );
    progress.aggregate = { state: outcome.state, revision: outcome.revision };
    return outcome.events;
  }

  /**
   * The event's queue from its stream, the first time in this worker's life: a line that lost its data
   * (Redis wiped) is rebuilt from it, and the passes of admissions still running are granted again
   * (a grant repeated changes nothing; one lost in a crash is made good).
   */
  async #load(eventId: string): Promise<Progress> {
    const known = this.#progress.get(eventId);
    if (known) return known;
    const aggregate = await foldStream(this.deps.store, waitingRoomStreamId(eventId), waitingRoomDecider);
    const { state } = aggregate;
    const now = this.deps.clock();
    const progress: Progress = { aggregate, roomOn: undefined, credit: 0, creditAt: now };
    this.#progress.set(eventId, progress);
    if (state.phase !== 'not-opened') {
      const position = await this.deps.line.position(eventId, '');
      if (position.phase === 'not-opened' || position.lastPlace < state.nextSeq - 1) {
        await this.deps.line.restore(eventId, state);
      }
      await this.deps.line.markAdmitted(eventId, state.admittedUpTo);
    }
    for (const admitted of state.admissions) {
      if (Date.parse(admitted.passExpiresAt) > now) await this.#grant(eventId, admitted);
    }
    return progress;
  }
}

const iso = (millis: number) => new Date(millis).toISOString();
