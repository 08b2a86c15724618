import {
  QueueReportFold,
  waitingRoomDecider,
  waitingRoomStreamId,
  type QueueState,
  type WaitingRoomEvent,
} from '../../domain/waiting-room';
import type { EventStore } from '../../infra/ports/event-store';

/** One event's queue as its stream records it, up to the last event read. */
export type RecordedQueue = {
  readonly state: QueueState;
  readonly report: QueueReportFold;
  readonly shuffledAt: string | null;
};

type Followed = { next: number; state: QueueState; report: QueueReportFold; shuffledAt: string | null };

/**
 * The queues' streams folded as far as they were read, for the live view and the draw's proof: each look
 * reads only the events recorded since the last one (a queue's stream holds every join, so reading it
 * whole on every refresh of an organizer's page would cost more than the sale). Looks at one event's
 * stream run one after another, so no event is folded twice.
 */
export class QueueRecord {
  readonly #followed = new Map<string, Followed>();
  readonly #looks = new Map<string, Promise<unknown>>();

  constructor(private readonly store: EventStore) {}

  /** Caught up with the stream; estimates of places recorded now use `admissionPerMinute`. */
  read(eventId: string, admissionPerMinute: number): Promise<RecordedQueue> {
    const look = (this.#looks.get(eventId) ?? Promise.resolve())
      .catch(() => {})
      .then(() => this.#catchUp(eventId, admissionPerMinute));
    this.#looks.set(eventId, look);
    return look;
  }

  async #catchUp(eventId: string, admissionPerMinute: number): Promise<RecordedQueue> {
    const followed = this.#followed.get(eventId) ?? {
      next: 0,
      state: waitingRoomDecider.initialState,
      report: new QueueReportFold(),
      shuffledAt: null,
    };
    this.#followed.set(eventId, followed);
    const recorded = await this.store.readStream(waitingRoomStreamId(eventId), {
      fromRevision: followed.next,
    });
    for (const { type, data, revision } of recorded) {
      const event = { type, data } as WaitingRoomEvent;
      followed.state = waitingRoomDecider.evolve(followed.state, event);
      followed.report.apply(event, admissionPerMinute);
      if (event.type === 'QueueShuffled') followed.shuffledAt = event.data.occurredAt;
      followed.next = revision + 1;
    }
    return followed;
  }
}
