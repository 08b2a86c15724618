export { InProcessIdempotencyStore, type InProcessIdempotencyOptions } from './in-process-idempotency-store';
export { InProcessRateLimiter } from './in-process-rate-limiter';
