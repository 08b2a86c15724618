import type { BuyersAdmitted, WaitingRoomEvent } from './events';

/**
 * `closed` keeps the phase it was closed in (`closedFrom`), so a reopened queue goes on where it was.
 */
export type QueuePhase = 'not-opened' | 'prequeue' | 'open' | 'closed';

export type QueueState = {
  readonly phase: QueuePhase;
  readonly closedFrom: 'prequeue' | 'open' | null;
  readonly seedCommitment: string | null;
  readonly seed: string | null;
  /** Pre-queue joins in the order recorded (the shuffle sorts them first, so this order does not count). */
  readonly prequeue: readonly string[];
  /** User id → place in line, once numbered. */
  readonly places: ReadonlyMap<string, number>;
  /** Place in line → user id (a place lost before it was recorded is missing). */
  readonly bySeq: ReadonlyMap<number, string>;
  /** Who joined at all (numbered or not), so a second join is recognised. */
  readonly joined: ReadonlySet<string>;
  /** The number the next first-come join gets. */
  readonly nextSeq: number;
  /** Every place up to this one has been let in. */
  readonly admittedUpTo: number;
  /** Every admission so far, so a restarted worker can grant again the passes still running. */
  readonly admissions: readonly BuyersAdmitted['data'][];
};

export const initialQueueState: QueueState = {
  phase: 'not-opened',
  closedFrom: null,
  seedCommitment: null,
  seed: null,
  prequeue: [],
  places: new Map(),
  bySeq: new Map(),
  joined: new Set(),
  nextSeq: 1,
  admittedUpTo: 0,
  admissions: [],
};

/** Folds the queue's events; the shuffle's numbering is recomputed with `order` (the domain's shuffle). */
export function evolveQueue(
  order: (userIds: readonly string[], seed: string) => string[],
): (state: QueueState, event: WaitingRoomEvent) => QueueState {
  return (state, event) => {
    switch (event.type) {
      case 'PreQueueOpened':
        return { ...state, phase: 'prequeue', seedCommitment: event.data.seedCommitment };
      case 'QueueJoinsRecorded': {
        const joined = new Set(state.joined);
        const places = new Map(state.places);
        const bySeq = new Map(state.bySeq);
        const prequeue = [...state.prequeue];
        let nextSeq = state.nextSeq;
        for (const join of event.data.joins) {
          if (joined.has(join.userId)) continue;
          joined.add(join.userId);
          if (join.seq === null) prequeue.push(join.userId);
          else {
            places.set(join.userId, join.seq);
            bySeq.set(join.seq, join.userId);
            nextSeq = Math.max(nextSeq, join.seq + 1);
          }
        }
        return { ...state, joined, places, bySeq, prequeue, nextSeq };
      }
      case 'QueueShuffled': {
        const places = new Map(state.places);
        const bySeq = new Map(state.bySeq);
        order(state.prequeue, event.data.seed).forEach((userId, index) => {
          places.set(userId, index + 1);
          bySeq.set(index + 1, userId);
        });
        return {
          ...state,
          phase: 'open',
          seed: event.data.seed,
          places,
          bySeq,
          nextSeq: Math.max(state.nextSeq, event.data.prequeueCount + 1),
        };
      }
      case 'BuyersAdmitted':
        return {
          ...state,
          admittedUpTo: Math.max(state.admittedUpTo, event.data.toSeq),
          admissions: [...state.admissions, event.data],
        };
      case 'QueueClosed':
        if (state.phase === 'closed') return state;
        return {
          ...state,
          phase: 'closed',
          closedFrom: state.phase === 'not-opened' ? 'prequeue' : state.phase,
        };
      case 'QueueReopened':
        return { ...state, phase: state.closedFrom ?? 'open', closedFrom: null };
    }
  };
}
