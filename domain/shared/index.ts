export type { Event, EventMetadata } from './event';
export { AppError, errorCodes, type ErrorCode } from './error-codes';
export { fold, type Decider } from './decider';
