export { createLimitsRedis, readyOf, type LimitsRedisOptions } from './redis-client';
export { RedisIdempotencyStore, type RedisIdempotencyOptions } from './idempotency/redis-idempotency-store';
export {
  RedisRateLimiter,
  tokenBucketLua,
  type RedisRateLimiterOptions,
} from './rate-limit/redis-rate-limiter';
