export { assertValidTake, refillAndTake } from './token-bucket';
export {
  rateLimit,
  rateLimitedError,
  rateLimitHeaders,
  takeOrRefuse,
  userOrIp,
  type RateLimitOptions,
} from './middleware';
