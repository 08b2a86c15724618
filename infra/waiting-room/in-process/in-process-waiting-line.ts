import type { QueuePhase, QueueState, RecordedJoin } from '../../../domain/waiting-room';
import type { JoinOutcome, LinePosition, WaitingLine } from '../../ports/waiting-line';

/** One event's line: what the Redis adapter keeps under the event's hash tag. */
class Line {
  phase: QueuePhase = 'not-opened';
  closedFrom: 'prequeue' | 'open' | null = null;
  /** Buyer → place (null: pre-queue, not numbered yet) and first join. */
  readonly members = new Map<string, { place: number | null; joinedAt: number }>();
  prequeue: string[] = [];
  lastPlace = 0;
  admittedUpTo = 0;
  unrecorded: RecordedJoin[] = [];
}

/** The embedded waiting line: the Redis adapter's semantics over one object per event. */
export class InProcessWaitingLine implements WaitingLine {
  readonly #lines = new Map<string, Line>();

  #line(eventId: string): Line {
    let line = this.#lines.get(eventId);
    if (!line) this.#lines.set(eventId, (line = new Line()));
    return line;
  }

  async openPreQueue(eventId: string): Promise<void> {
    const line = this.#line(eventId);
    if (line.phase === 'not-opened') line.phase = 'prequeue';
  }

  async join(eventId: string, userId: string, now: number): Promise<JoinOutcome> {
    const line = this.#line(eventId);
    const member = line.members.get(userId);
    if (member) return { ok: true, place: member.place, joinedAt: member.joinedAt, again: true };
    if (line.phase === 'not-opened') return { ok: false, reason: 'QUEUE_NOT_OPEN' };
    if (line.phase === 'closed') return { ok: false, reason: 'QUEUE_CLOSED' };
    const place = line.phase === 'prequeue' ? null : ++line.lastPlace;
    line.members.set(userId, { place, joinedAt: now });
    if (place === null) line.prequeue.push(userId);
    line.unrecorded.push({ userId, seq: place, joinedAt: new Date(now).toISOString() });
    return { ok: true, place, joinedAt: now, again: false };
  }

  async position(eventId: string, userId: string): Promise<LinePosition> {
    const line = this.#line(eventId);
    const member = line.members.get(userId);
    return {
      phase: line.phase,
      joined: member !== undefined,
      place: member?.place ?? null,
      admittedUpTo: line.admittedUpTo,
      lastPlace: line.lastPlace,
      prequeued: line.phase === 'prequeue' ? line.prequeue.length : 0,
    };
  }

  async endPreQueue(eventId: string): Promise<string[]> {
    const line = this.#line(eventId);
    if (line.phase === 'prequeue') {
      line.phase = 'open';
      line.lastPlace = Math.max(line.lastPlace, line.prequeue.length);
    }
    return [...line.prequeue];
  }

  async numberPreQueue(eventId: string, order: readonly string[]): Promise<void> {
    const line = this.#line(eventId);
    order.forEach((userId, index) => {
      const member = line.members.get(userId);
      if (member) member.place = index + 1;
    });
  }

  async unrecorded(eventId: string, limit: number): Promise<RecordedJoin[]> {
    return this.#line(eventId).unrecorded.slice(0, limit);
  }

  async markRecorded(eventId: string, count: number): Promise<void> {
    this.#line(eventId).unrecorded.splice(0, count);
  }

  async markAdmitted(eventId: string, upTo: number): Promise<void> {
    const line = this.#line(eventId);
    line.admittedUpTo = Math.max(line.admittedUpTo, upTo);
  }

  async closeLine(eventId: string): Promise<void> {
    const line = this.#line(eventId);
    if (line.phase === 'closed') return;
    line.closedFrom = line.phase === 'open' ? 'open' : 'prequeue';
    line.phase = 'closed';
  }

  async reopenLine(eventId: string): Promise<void> {
    const line = this.#line(eventId);
    if (line.phase !== 'closed') return;
    line.phase = line.closedFrom ?? 'open';
    line.closedFrom = null;
  }

  async restore(eventId: string, state: QueueState): Promise<void> {
    const line = new Line();
    line.phase = state.phase;
    line.closedFrom = state.closedFrom;
    for (const [userId, place] of state.places) line.members.set(userId, { place, joinedAt: 0 });
    for (const userId of state.seed === null ? state.prequeue : []) {
      line.members.set(userId, { place: null, joinedAt: 0 });
    }
    line.prequeue = [...state.prequeue];
    line.lastPlace = state.nextSeq - 1;
    line.admittedUpTo = state.admittedUpTo;
    this.#lines.set(eventId, line);
  }

  async close(): Promise<void> {}
}
