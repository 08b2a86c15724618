/** Every stable error code the API can answer with, and its HTTP status (API.md, "Error codes"). */
export const errorCodes = {
  VALIDATION_ERROR: 400,
  IDEMPOTENCY_KEY_REQUIRED: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  QUEUE_PASS_REQUIRED: 403,
  QUEUE_PASS_INVALID: 403,
  QUEUE_PASS_FOREIGN: 403,
  QUEUE_PASS_EXPIRED: 403,
  QUEUE_PASS_USED: 403,
  NOT_FOUND: 404,
  ZONE_NOT_FOUND: 404,
  METHOD_NOT_ALLOWED: 405,
  EMAIL_TAKEN: 409,
  INSUFFICIENT_SEATS: 409,
  TICKET_LIMIT_EXCEEDED: 409,
  SALE_NOT_OPEN: 409,
  INVALID_STATE: 409,
  QUEUE_NOT_ENABLED: 409,
  QUEUE_NOT_OPEN: 409,
  QUEUE_CLOSED: 409,
  CONCURRENCY_CONFLICT: 409,
  DUPLICATE_EVENT: 409,
  PAYLOAD_TOO_LARGE: 413,
  IDEMPOTENCY_KEY_REUSED: 422,
  RATE_LIMITED: 429,
  INTERNAL_ERROR: 500,
  SERVICE_UNAVAILABLE: 503,
} as const;

export type ErrorCode = keyof typeof errorCodes;

/** An expected failure with a stable code; the HTTP edge turns it into the error envelope. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = new.target.name;
  }

  get status(): number {
    return errorCodes[this.code];
  }
}
