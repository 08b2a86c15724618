import type { Request, RequestHandler, Response } from 'express';
import { AppError } from '../../domain/shared';
import { principalOf } from '../../infra/http-edge';
import type { RateLimiter, TakeResult } from '../../infra/ports/rate-limiter';

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

/** Takes a token from the request's bucket: the headers of `rateLimitHeaders`, a refusal thrown. */
export async function takeOrRefuse(
  limiter: RateLimiter,
  options: RateLimitOptions,
  req: Request,
  res: Response,
): Promise<void> {
  const { name, limit, refillPerSecond } = options;
  const keyOf = options.keyOf ?? userOrIp;
  const result = await limiter.take({ key: `${name}:${keyOf(req)}`, limit, refillPerSecond });
  rateLimitHeaders(res, result);
  if (!result.allowed) throw rateLimitedError(result);
}

/**
 * What a take from a bucket tells the client:
 * - `X-RateLimit-Limit`: the bucket size; `X-RateLimit-Remaining`: whole tokens left;
 * - `X-RateLimit-Reset`: **seconds until the bucket is full again** (delta seconds, as in the IETF
 *   RateLimit header draft and like `Retry-After`: no client clock involved), rounded up;
 * - on a refusal, `Retry-After` (whole seconds, ≥ 1).
 */
export function rateLimitHeaders(res: Response, result: TakeResult): void {
  res.setHeader('X-RateLimit-Limit', String(result.limit));
  res.setHeader('X-RateLimit-Remaining', String(result.remaining));
  res.setHeader('X-RateLimit-Reset', String(Math.ceil(Math.max(0, result.resetAt - Date.now()) / 1000)));
  if (!result.allowed) res.setHeader('Retry-After', String(retryAfterSeconds(result)));
}

const retryAfterSeconds = (result: TakeResult) => Math.max(1, Math.ceil(result.retryAfterMs / 1000));

/** 429 RATE_LIMITED for a refused take, with `details.retryAfterSeconds`. */
export function rateLimitedError(result: TakeResult): AppError {
  const seconds = retryAfterSeconds(result);
  return new AppError('RATE_LIMITED', `Too many requests; retry in ${seconds} s`, {
    retryAfterSeconds: seconds,
  });
}

/** Token-bucket rate limiting for one endpoint as middleware (see `takeOrRefuse` for the headers). */
export function rateLimit(limiter: RateLimiter, options: RateLimitOptions): RequestHandler {
  return (req, res, next) => {
    takeOrRefuse(limiter, options, req, res).then(() => next(), next);
  };
}
