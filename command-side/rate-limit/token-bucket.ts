import type { TakeRequest, TakeResult } from '../../infra/ports/rate-limiter';

/** Throws for requests no bucket could ever satisfy (a configuration bug, not a client's fault). */
export function assertValidTake({ limit, refillPerSecond, cost = 1 }: TakeRequest): void {
  if (!(limit >= 1) || !(refillPerSecond > 0) || !(cost >= 1) || cost > limit) {
    throw new RangeError(
      `Invalid rate limit: limit ${limit}, refillPerSecond ${refillPerSecond}, cost ${cost} (need 1 ≤ cost ≤ limit, refill > 0)`,
    );
  }
}

/**
 * The token-bucket arithmetic both adapters share (the Redis Lua script mirrors it line by line):
 * refill for the time passed, take `cost` if there is enough, and say when it is full again.
 */
export function refillAndTake(
  stored: { tokens: number; at: number } | undefined,
  { limit, refillPerSecond, cost = 1 }: TakeRequest,
  now: number,
): { tokens: number; result: TakeResult } {
  const perMs = refillPerSecond / 1000;
  const elapsed = stored ? Math.max(0, now - stored.at) : 0;
  let tokens = stored ? Math.min(limit, stored.tokens + elapsed * perMs) : limit;
  const allowed = tokens >= cost;
  if (allowed) tokens -= cost;
  const retryAfterMs = allowed ? 0 : Math.ceil((cost - tokens) / perMs);
  const resetAt = now + Math.ceil((limit - tokens) / perMs);
  return { tokens, result: { allowed, limit, remaining: Math.floor(tokens), resetAt, retryAfterMs } };
}
