import type { QueuePhase, QueueState, RecordedJoin } from '../../../domain/waiting-room';

export type JoinOutcome =
  | {
      readonly ok: true;
      /** The place in line; null while in the pre-queue (numbered when the sale starts). */
      readonly place: number | null;
      /** Epoch ms of the buyer's first join. */
      readonly joinedAt: number;
      /** True when the buyer had joined already (another tab or device): the same place. */
      readonly again: boolean;
    }
  | { readonly ok: false; readonly reason: 'QUEUE_NOT_OPEN' | 'QUEUE_CLOSED' };

/** Where one buyer stands, and the line's counters; read without touching a database. */
export type LinePosition = {
  readonly phase: QueuePhase;
  readonly joined: boolean;
  /** Null when not joined, or in the pre-queue before the shuffle. */
  readonly place: number | null;
  /** Every place up to this one has been let in. */
  readonly admittedUpTo: number;
  /** Places handed out so far (the pre-queue's included once it is numbered). */
  readonly lastPlace: number;
  /** Buyers in the pre-queue (before the shuffle). */
  readonly prequeued: number;
};

/**
 * The waiting room's line for one event: joins, places, how far admission has come. Its durable
 * record is the `waiting-room-<eventId>` stream (the recorder moves joins there in batches, the worker
 * appends the shuffle and admissions); the line is rebuilt from it after a loss (`restore`).
 * Every method is one atomic step.
 */
export type WaitingLine = {
  /** Joins are taken from now on, into the pre-queue (not-opened → prequeue; otherwise no change). */
  openPreQueue(eventId: string): Promise<void>;
  /** One place per buyer: joining again answers the same place. */
  join(eventId: string, userId: string, now: number): Promise<JoinOutcome>;
  position(eventId: string, userId: string): Promise<LinePosition>;
  /**
   * Ends the pre-queue (prequeue → open): joins from now on get places after it. Resolves to the
   * pre-queue's buyers, for the shuffle; the same answer again when called twice.
   */
  endPreQueue(eventId: string): Promise<string[]>;
  /** Numbers the shuffled pre-queue 1…N, in this order. */
  numberPreQueue(eventId: string, order: readonly string[]): Promise<void>;
  /** Joins taken and not yet recorded in the log, oldest first, at most `limit`. */
  unrecorded(eventId: string, limit: number): Promise<RecordedJoin[]>;
  /** The first `count` unrecorded joins are in the log now. */
  markRecorded(eventId: string, count: number): Promise<void>;
  /** Admission came up to `upTo` (never moves back). */
  markAdmitted(eventId: string, upTo: number): Promise<void>;
  /** No joins while closed (sold out); the line keeps its order. */
  closeLine(eventId: string): Promise<void>;
  reopenLine(eventId: string): Promise<void>;
  /** Replaces the line with the one the log records (after Redis lost it). */
  restore(eventId: string, state: QueueState): Promise<void>;
  close(): Promise<void>;
};
