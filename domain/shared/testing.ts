// Given/when/then for any pure decider: the one spec helper the aggregates' tests share.
import assert from 'node:assert/strict';
import type { Decider } from './decider';
import type { Event } from './event';
import { AppError, type ErrorCode } from './error-codes';

/**
 * `given(...past).when(command).then(expected)`, `.thenNothing()` or `.thenFails(code, details?)`
 * for one decider.
 */
export function deciderSpec<Command, E extends Event, State>(decider: Decider<Command, E, State>) {
  return function given(...past: E[]) {
    const state = past.reduce(decider.evolve, decider.initialState);
    return {
      when(command: Command) {
        const run = () => decider.decide(command, state);
        return {
          then(expected: E[]): void {
            assert.deepEqual(run(), expected);
          },
          thenNothing(): void {
            assert.deepEqual(run(), []);
          },
          thenFails(code: ErrorCode, details?: unknown): void {
            assert.throws(run, (error: unknown) => {
              assert.ok(error instanceof AppError, `expected an AppError, got ${String(error)}`);
              assert.equal(error.code, code, error.message);
              if (details !== undefined) assert.deepEqual(error.details, details);
              return true;
            });
          },
        };
      },
    };
  };
}
