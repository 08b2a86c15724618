export {
  assertValidTake,
  refillAndTake,
  type RateLimiter,
  type TakeRequest,
  type TakeResult,
} from './rate-limiter';
export { rateLimit, takeOrRefuse, userOrIp, type RateLimitOptions } from './middleware';
