import { AppError } from '../../../domain/shared';
import type { ExpectedState } from './event-store';

export class WrongExpectedVersionError extends AppError {
  constructor(
    readonly streamId: string,
    readonly expected: ExpectedState,
    /** Revision of the stream's last event, or -1 when the stream does not exist. */
    readonly actual: number,
  ) {
    super(
      'CONCURRENCY_CONFLICT',
      `Stream ${streamId} is at revision ${actual}, expected ${String(expected)}`,
      {
        streamId,
        expected,
        actual,
      },
    );
  }
}

export class DuplicateEventError extends AppError {
  constructor(readonly eventIds: readonly string[]) {
    super(
      'DUPLICATE_EVENT',
      `Event id already stored with different content or position: ${eventIds.join(', ')}`,
      {
        eventIds,
      },
    );
  }
}

export class InvalidStreamNameError extends AppError {
  constructor(
    readonly streamId: string,
    reason: string,
  ) {
    super('VALIDATION_ERROR', `Invalid stream name ${JSON.stringify(streamId)}: ${reason}`, {
      field: 'streamId',
      reason,
    });
  }
}

export class InvalidEventError extends AppError {
  constructor(reason: string) {
    super('VALIDATION_ERROR', `Invalid event: ${reason}`, { reason });
  }
}

export class EventStoreUnavailableError extends AppError {
  constructor(cause: unknown) {
    super('SERVICE_UNAVAILABLE', 'The event store is unavailable; retry with the same idempotency key');
    this.cause = cause;
  }
}
