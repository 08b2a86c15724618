import type { ServiceIdentifier } from 'inversify';
import type { IdempotencyStore } from '../../ports/idempotency-store';
import type { RateLimiter } from '../../ports/rate-limiter';

/** What the limits module binds: on Redis (a server or a cluster) when configured, else in-process. */
export const LimitsTokens = {
  Idempotency: Symbol('IdempotencyStore') as ServiceIdentifier<IdempotencyStore>,
  RateLimiter: Symbol('RateLimiter') as ServiceIdentifier<RateLimiter>,
} as const;
