import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  AccessDeniedError,
  CancelledError,
  DeadlineExceededError,
  InvalidTransactionError,
  MaxAppendSizeExceededError,
  NotLeaderError,
  StreamDeletedError,
  StreamNotFoundError,
  TimeoutError,
  UnavailableError,
  UnknownError,
  WrongExpectedVersionError as ClientWrongExpectedVersionError,
} from '@kurrent/kurrentdb-client';
import { DuplicateEventError, InvalidEventError, WrongExpectedVersionError } from '../../ports/event-store';
import { DeadlineExceeded } from './deadline';
import { isStreamMissing, isUnavailable, toAppendError } from './error-mapping';

/** A gRPC failure as @grpc/grpc-js reports it, before the client converts it. */
const grpcError = (code: number, message: string) =>
  Object.assign(new Error(message), { code, details: message });

describe('KurrentDB error mapping', () => {
  it('treats unreachable servers, timeouts and leader changes as unavailable', () => {
    const unavailable = [
      new UnavailableError(),
      new DeadlineExceededError(),
      new TimeoutError(),
      new CancelledError(),
      new NotLeaderError(
        Object.assign(grpcError(5, 'not leader'), {
          metadata: { 'leader-endpoint-host': 'a', 'leader-endpoint-port': '2113' },
        }) as never,
      ),
      grpcError(
        14,
        '14 UNAVAILABLE: No connection established. Last error: connect ECONNREFUSED 127.0.0.1:1',
      ),
      grpcError(4, '4 DEADLINE_EXCEEDED: Deadline exceeded'),
      new DeadlineExceeded(100),
    ];
    for (const error of unavailable) assert.equal(isUnavailable(error), true, error.constructor.name);
  });

  it('does not treat refusals, conflicts or bugs as unavailable', () => {
    const notUnavailable = [
      new AccessDeniedError(),
      new UnknownError(),
      new ClientWrongExpectedVersionError(undefined, { streamName: 's-1', expected: 0n, current: 1n }),
      grpcError(12, '12 UNIMPLEMENTED: Received HTTP status code 404'),
      new TypeError('bug'),
      'not an error',
    ];
    for (const error of notUnavailable) assert.equal(isUnavailable(error), false, String(error));
  });

  it('recognises reads of missing and deleted streams', () => {
    assert.equal(isStreamMissing(new StreamNotFoundError(undefined, 'booking-1')), true);
    assert.equal(isStreamMissing(StreamDeletedError.fromStreamName('booking-1')), true);
    assert.equal(isStreamMissing(new UnavailableError()), false);
    assert.equal(isStreamMissing(undefined), false);
  });

  it('maps a wrong expected version with the actual revision, -1 for a stream that does not exist', () => {
    const conflict = toAppendError(
      new ClientWrongExpectedVersionError(undefined, { streamName: 'booking-1', expected: 0n, current: 3n }),
      'booking-1',
      0,
      [],
    );
    assert.ok(conflict instanceof WrongExpectedVersionError);
    assert.deepEqual(
      [conflict.streamId, conflict.expected, conflict.actual, conflict.code],
      ['booking-1', 0, 3, 'CONCURRENCY_CONFLICT'],
    );
    const missing = toAppendError(
      new ClientWrongExpectedVersionError(undefined, {
        streamName: 'booking-1',
        expected: 'stream_exists',
        current: 'no_stream',
      }),
      'booking-1',
      'stream_exists',
      [],
    );
    assert.ok(missing instanceof WrongExpectedVersionError);
    assert.equal(missing.actual, -1);
  });

  it('maps ids of which only some are stored (both ways the server reports it) to DuplicateEventError', () => {
    const ids = ['6f1c1a53-4a53-4c4e-9d1c-2d6b8f0f3e21'];
    for (const error of [new InvalidTransactionError(), new UnknownError()]) {
      const mapped = toAppendError(error, 'booking-1', 'any', ids);
      assert.ok(mapped instanceof DuplicateEventError, error.constructor.name);
      assert.deepEqual(mapped.eventIds, ids);
    }
    const unrecognised = new UnknownError(undefined, 'Could not recognize something else');
    assert.equal(toAppendError(unrecognised, 'booking-1', 'any', ids), unrecognised);
  });

  it('maps an append over the server size limit to InvalidEventError naming the limit', () => {
    const mapped = toAppendError(
      MaxAppendSizeExceededError.fromMaxAppendSize(1048576),
      'booking-1',
      'any',
      [],
    );
    assert.ok(mapped instanceof InvalidEventError);
    assert.match(mapped.message, /1048576 bytes/);
  });

  it('passes other failures through unchanged', () => {
    const denied = new AccessDeniedError();
    assert.equal(toAppendError(denied, 'booking-1', 'any', []), denied);
  });
});
