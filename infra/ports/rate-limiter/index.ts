export type { RateLimiter, TakeRequest, TakeResult } from './rate-limiter';
