export { createLimitsRedis, readyOf, type LimitsRedisOptions } from './redis-client';
export { RedisIdempotencyStore, type RedisIdempotencyOptions } from './idempotency/redis-idempotency-store';
export {
  RedisRateLimiter,
  tokenBucketLua,
  type RedisRateLimiterOptions,
} from './rate-limit/redis-rate-limiter';
export {
  InProcessIdempotencyStore,
  type InProcessIdempotencyOptions,
} from './in-process/in-process-idempotency-store';
export { InProcessRateLimiter } from './in-process/in-process-rate-limiter';
