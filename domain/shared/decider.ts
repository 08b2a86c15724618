import type { Event } from './event';

/**
 * An aggregate as a pure decider: `decide` turns a command and the current state into new events (or
 * throws a typed AppError), `evolve` folds one event into the state. No clocks, ids or I/O inside:
 * the command carries `now` and any new ids.
 */
export type Decider<Command, E extends Event, State> = {
  readonly initialState: State;
  evolve(state: State, event: E): State;
  decide(command: Command, state: State): E[];
};

/** The state after `events`, from the initial state. */
export function fold<Command, E extends Event, State>(
  decider: Decider<Command, E, State>,
  events: readonly E[],
): State {
  return events.reduce(decider.evolve, decider.initialState);
}
