import {
  ANY,
  NO_STREAM,
  STREAM_EXISTS,
  type AppendStreamState,
  type CurrentStreamState,
} from '@kurrent/kurrentdb-client';
import { InvalidEventError, type ExpectedState } from '../../ports/event-store';

/** The port's expected state as the client's: the same three states, and a revision as a bigint. */
export function toStreamState(expected: ExpectedState): AppendStreamState {
  switch (expected) {
    case 'any':
      return ANY;
    case 'no_stream':
      return NO_STREAM;
    case 'stream_exists':
      return STREAM_EXISTS;
  }
  if (typeof expected !== 'number' || !Number.isSafeInteger(expected) || expected < 0) {
    throw new InvalidEventError(`expected revision must be a non-negative integer, got ${String(expected)}`);
  }
  return BigInt(expected);
}

/** The revision of a stream's last event as the port reports it: -1 when the stream does not exist. */
export function toActualRevision(state: CurrentStreamState): number {
  // Deleted and tombstoned streams come back as negative revisions (-5, -6): they do not exist either.
  if (state === NO_STREAM || state < 0n) return -1;
  return Number(state);
}
