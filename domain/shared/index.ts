export type { Event, EventMetadata } from './event';
export { AppError, errorCodes, type ErrorCode } from './error-codes';
export { fold, type Decider } from './decider';
export { redactSecrets, redacted, type RedactOptions } from './redact-secrets';
export { assertWellFormedText } from './text';
