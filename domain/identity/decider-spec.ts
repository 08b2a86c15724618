// Given/when/then for decider tests: given past events, when a command, then new events or an error code.
import assert from 'node:assert/strict';
import { AppError, fold, type Decider, type ErrorCode, type Event } from '../shared';

export function deciderSpec<Command, E extends Event, State>(decider: Decider<Command, E, State>) {
  return (given: readonly E[]) => ({
    when: (command: Command) => {
      const decide = () => decider.decide(command, fold(decider, given));
      return {
        then(expected: readonly E[]): void {
          assert.deepEqual(decide(), expected);
        },
        thenNothing(): void {
          assert.deepEqual(decide(), []);
        },
        thenRejects(code: ErrorCode, message?: RegExp): void {
          assert.throws(decide, (error: unknown) => {
            assert.ok(error instanceof AppError, `expected an AppError, got ${String(error)}`);
            assert.equal(error.code, code);
            if (message) assert.match(error.message, message);
            return true;
          });
        },
      };
    },
  });
}
