import type { ServiceIdentifier } from 'inversify';
import type { IdempotencyStore } from '../../../command-side/idempotency';
import type { RateLimiter } from '../../../command-side/rate-limit';

/** What the limits module binds: on Redis (a server or a cluster) when configured, else in-process. */
export const LimitsTokens = {
  Idempotency: Symbol('IdempotencyStore') as ServiceIdentifier<IdempotencyStore>,
  RateLimiter: Symbol('RateLimiter') as ServiceIdentifier<RateLimiter>,
} as const;
