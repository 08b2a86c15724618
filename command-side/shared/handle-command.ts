import { AppError, type Decider, type Event, type EventMetadata } from '../../domain/shared';
import {
  WrongExpectedVersionError,
  type AppendResult,
  type EventStore,
  type RecordedEvent,
} from '../../infra/ports/event-store';

export type CommandOutcome<E extends Event, State> = {
  /** State after the new events. */
  readonly state: State;
  /** Events this command added (empty when the decider had nothing to do). */
  readonly events: readonly E[];
  /** Where they landed; undefined when nothing was appended. */
  readonly appended: AppendResult | undefined;
  /** The stream's revision after the command (-1: still no stream). */
  readonly revision: number;
  /** Why the decider refused, with `state` the one it refused on (only with `returnRefusal`). */
  readonly refusal?: AppError;
};

const pageSize = 1000;

/** Every event of a stream, in order, as domain events. */
export async function loadStream<E extends Event>(
  store: EventStore,
  streamId: string,
): Promise<{ events: E[]; revision: number }> {
  const events: E[] = [];
  let last: RecordedEvent | undefined;
  for (;;) {
    const page = await store.readStream(streamId, {
      fromRevision: last ? last.revision + 1 : 0,
      limit: pageSize,
    });
    for (const recorded of page)
      events.push({ type: recorded.type, data: recorded.data, metadata: recorded.metadata } as E);
    last = page.at(-1) ?? last;
    if (page.length < pageSize) return { events, revision: last ? last.revision : -1 };
  }
}

/** A stream folded with its decider, and the revision it was read at (-1: no stream). */
export async function foldStream<Command, E extends Event, State>(
  store: EventStore,
  streamId: string,
  decider: Decider<Command, E, State>,
): Promise<{ state: State; revision: number }> {
  const { events, revision } = await loadStream<E>(store, streamId);
  return { state: events.reduce(decider.evolve, decider.initialState), revision };
}

export type HandleCommandOptions<State = unknown> = {
  /** Decisions before CONCURRENCY_CONFLICT reaches the caller. */
  readonly attempts?: number;
  /**
   * Deterministic ids for the new events (by index), for a caller that may run the same command twice
   * (a redelivered message): the second append of the same ids is a no-op.
   */
  readonly eventIds?: (index: number) => string;
  /**
   * The stream as the caller already holds it (the single active writer of a stream keeps it in memory):
   * the first decision starts from it instead of reading the stream; a conflict reads it afresh.
   */
  readonly known?: { readonly state: State; readonly revision: number };
  /**
   * A refusal (the decider threw an AppError) comes back as the outcome's `refusal`, with the state it
   * was decided on, instead of being thrown: for a caller that still acts on that state.
   */
  readonly returnRefusal?: boolean;
};

/**
 * Runs one command against an event-sourced aggregate: load its stream, fold, decide, append with the
 * revision it decided on. A concurrent writer makes the append fail; the command is then decided again
 * on the new state, a few times, before CONCURRENCY_CONFLICT reaches the caller.
 */
export async function handleCommand<Command, E extends Event, State>(
  store: EventStore,
  streamId: string,
  decider: Decider<Command, E, State>,
  command: Command,
  metadata: EventMetadata,
  options: HandleCommandOptions<State> = {},
): Promise<CommandOutcome<E, State>> {
  const attempts = options.attempts ?? 3;
  for (let attempt = 1; ; attempt++) {
    const { state, revision } =
      attempt === 1 && options.known ? options.known : await foldStream(store, streamId, decider);
    let events: E[];
    try {
      events = decider.decide(command, state);
    } catch (error) {
      if (!options.returnRefusal || !(error instanceof AppError)) throw error;
      return { state, events: [], appended: undefined, revision, refusal: error };
    }
    if (events.length === 0) return { state, events, appended: undefined, revision };
    try {
      const appended = await store.append(
        streamId,
        events.map((event, index) => ({
          ...(options.eventIds ? { id: options.eventIds(index) } : {}),
          type: event.type,
          data: event.data,
          metadata: { ...metadata, ...event.metadata },
        })),
        revision < 0 ? 'no_stream' : revision,
      );
      return {
        state: events.reduce(decider.evolve, state),
        events,
        appended,
        revision: revision + events.length,
      };
    } catch (error) {
      if (!(error instanceof WrongExpectedVersionError) || attempt >= attempts) throw error;
    }
  }
}
