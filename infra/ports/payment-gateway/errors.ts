import { AppError } from '../../../domain/shared';

/** The gateway answered with an error (not a decline): retry with the same idempotency key. */
export class GatewayError extends AppError {
  constructor(message: string, details?: unknown) {
    super('SERVICE_UNAVAILABLE', `Payment gateway error: ${message}`, details);
  }
}

/** The gateway gave no answer within the call timeout; it may or may not have acted on the call. */
export class GatewayTimeoutError extends AppError {
  constructor(readonly timeoutMs: number) {
    super('SERVICE_UNAVAILABLE', `Payment gateway did not answer within ${timeoutMs} ms`, { timeoutMs });
  }
}
