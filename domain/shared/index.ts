export type { Event, EventMetadata } from './event';
export { AppError, errorCodes, type ErrorCode } from './error-codes';
