import type { Request, RequestHandler } from 'express';
import { AppError } from '../../domain/shared';
import { principalOf } from '../../infra/ports/http';
import type { RateLimiter } from './rate-limiter';

export type RateLimitOptions = {
  /** The endpoint's bucket family, e.g. `reserve`: each endpoint has its own buckets. */
  readonly name: string;
  readonly limit: number;
  readonly refillPerSecond: number;
  /** Whose bucket a request takes from (default: the signed-in user, else the client IP). */
  readonly keyOf?: (req: Request) => string;
};

/** The signed-in user's id, else the client address (`req.ip`, which honours express's `trust proxy`). */
export const userOrIp = (req: Request): string => {
  const principal = principalOf(req);
  return principal ? `user:${principal.userId}` : `ip:${req.ip ?? req.socket.remoteAddress ?? 'unknown'}`;
};

/**
 * Token-bucket rate limiting for one endpoint. Sets on every answer:
 * - `X-RateLimit-Limit`: the bucket size; `X-RateLimit-Remaining`: whole tokens left;
 * - `X-RateLimit-Reset`: **seconds until the bucket is full again** (delta seconds, as in the IETF
 *   RateLimit header draft and like `Retry-After`: no client clock involved), rounded up.
 * A refusal goes to the error handler as 429 RATE_LIMITED with `Retry-After` (whole seconds, ≥ 1).
 */
export function rateLimit(limiter: RateLimiter, options: RateLimitOptions): RequestHandler {
  const { name, limit, refillPerSecond } = options;
  const keyOf = options.keyOf ?? userOrIp;
  const limitHeader = String(limit);
  return (req, res, next) => {
    limiter.take({ key: `${name}:${keyOf(req)}`, limit, refillPerSecond }).then((result) => {
      res.setHeader('X-RateLimit-Limit', limitHeader);
      res.setHeader('X-RateLimit-Remaining', String(result.remaining));
      res.setHeader('X-RateLimit-Reset', String(Math.ceil(Math.max(0, result.resetAt - Date.now()) / 1000)));
      if (result.allowed) return next();
      const retryAfterSeconds = Math.max(1, Math.ceil(result.retryAfterMs / 1000));
      res.setHeader('Retry-After', String(retryAfterSeconds));
      next(
        new AppError('RATE_LIMITED', `Too many requests; retry in ${retryAfterSeconds} s`, {
          retryAfterSeconds,
        }),
      );
    }, next);
  };
}
