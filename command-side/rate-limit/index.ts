export {
  assertValidTake,
  refillAndTake,
  type RateLimiter,
  type TakeRequest,
  type TakeResult,
} from './rate-limiter';
export {
  rateLimit,
  rateLimitedError,
  rateLimitHeaders,
  takeOrRefuse,
  userOrIp,
  type RateLimitOptions,
} from './middleware';
