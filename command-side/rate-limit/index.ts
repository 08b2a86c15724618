export {
  assertValidTake,
  refillAndTake,
  type RateLimiter,
  type TakeRequest,
  type TakeResult,
} from './rate-limiter';
export { rateLimit, userOrIp, type RateLimitOptions } from './middleware';
