import {
  ErrorType,
  WrongExpectedVersionError as ClientWrongExpectedVersionError,
} from '@kurrent/kurrentdb-client';
import {
  DuplicateEventError,
  InvalidEventError,
  WrongExpectedVersionError,
  type ExpectedState,
} from '../../ports/event-store';
import { DeadlineExceeded } from './deadline';
import { toActualRevision } from './expected-state';

// gRPC status codes (@grpc/grpc-js `status`): some failures reach us as raw gRPC errors, e.g. when the
// client's first call (its server-features probe) cannot connect.
const grpcCancelled = 1;
const grpcDeadlineExceeded = 4;
const grpcUnavailable = 14;

/** Failures that mean "no answer from the server right now": retrying later may succeed. */
const unavailableTypes: ReadonlySet<string> = new Set([
  ErrorType.UNAVAILABLE,
  ErrorType.DEADLINE_EXCEEDED,
  ErrorType.TIMEOUT,
  ErrorType.CANCELLED,
  ErrorType.NOT_LEADER,
]);

const tooLargeTypes: ReadonlySet<string> = new Set([
  ErrorType.MAXIMUM_APPEND_SIZE_EXCEEDED,
  ErrorType.APPEND_RECORD_SIZE_EXCEEDED,
  ErrorType.TRANSACTION_MAX_SIZE_EXCEEDED,
]);

type ClientFailure = Error & { type?: unknown; code?: unknown; maxAppendSize?: unknown };

export function isUnavailable(error: unknown): boolean {
  if (error instanceof DeadlineExceeded) return true;
  if (!(error instanceof Error)) return false;
  const { type, code } = error as ClientFailure;
  if (typeof type === 'string') return unavailableTypes.has(type);
  return code === grpcUnavailable || code === grpcDeadlineExceeded || code === grpcCancelled;
}

/** A read of a stream that does not exist (or was deleted): the port answers with no events. */
export function isStreamMissing(error: unknown): boolean {
  const type = (error as ClientFailure | undefined)?.type;
  return (
    type === ErrorType.STREAM_NOT_FOUND ||
    type === ErrorType.STREAM_DELETED ||
    type === ErrorType.STREAM_TOMBSTONED
  );
}

/** The port's error for a failed append, or the client's error unchanged when the port has none. */
export function toAppendError(
  error: unknown,
  streamId: string,
  expected: ExpectedState,
  eventIds: readonly string[],
): unknown {
  if (error instanceof ClientWrongExpectedVersionError) {
    return new WrongExpectedVersionError(streamId, expected, toActualRevision(error.actualState));
  }
  if (!(error instanceof Error)) return error;
  const { type, code, maxAppendSize } = error as ClientFailure;
  // The server refuses ids of which only some are already in the stream ("corrupted idempotency").
  // Its unary append reports that as an invalid transaction; its batch append, which the client uses
  // on every current server, as a bare Unknown status: the only result that batch append leaves
  // unnamed (KurrentDB Streams.BatchAppend.cs), which reaches us with no gRPC code and no message.
  if (type === ErrorType.INVALID_TRANSACTION) return new DuplicateEventError(eventIds);
  if (type === ErrorType.UNKNOWN && code === undefined && error.message === '')
    return new DuplicateEventError(eventIds);
  if (typeof type === 'string' && tooLargeTypes.has(type)) {
    const limit = typeof maxAppendSize === 'number' ? ` of ${maxAppendSize} bytes` : '';
    return new InvalidEventError(`the append is larger than the server's maximum append size${limit}`);
  }
  return error;
}
