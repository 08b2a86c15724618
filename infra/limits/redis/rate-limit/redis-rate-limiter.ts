import { readFileSync } from 'node:fs';
import type { RateLimiter, TakeRequest, TakeResult } from '../../../ports/rate-limiter';
import type { RedisClient } from '../../../redis';
import { assertValidTake } from '../../../../command-side/rate-limit';
import type { Logger } from '../../../logging';

const lua = (name: string) => readFileSync(new URL(`./${name}.lua`, import.meta.url), 'utf8');
/** The token-bucket function in Lua, for scripts that take from a bucket inside a larger atomic step. */
export const tokenBucketLua = lua('token-bucket');
const takeLua = `${tokenBucketLua}\n${lua('take')}`;

type Scripted = RedisClient & {
  rateLimitTake(
    key: string,
    limit: number,
    refillPerSecond: number,
    cost: number,
    now: number | '',
  ): Promise<[number, number, string, number]>;
};

export type RedisRateLimiterOptions = {
  /** Prepended to every key (tests use a unique one per run). */
  keyPrefix?: string;
  /** Told (at most once per `warnEveryMs`) when Redis fails and requests are let through. */
  logger: Logger;
  warnEveryMs?: number;
};

/**
 * Token buckets in Redis: one EVALSHA per take (ioredis defineCommand; EVAL on NOSCRIPT). Time is the
 * server's TIME unless the caller passes `now`: one clock for every API process, so buckets do not drift
 * with skewed hosts. Keys carry the bucket key in a hash tag, ready for Redis Cluster.
 *
 * Redis down or slow (past the client's command timeout): we FAIL OPEN — the request is allowed and a
 * warning is logged. Rate limiting protects capacity; refusing all traffic while Redis is away would turn a
 * limiter outage into a full outage, and the inventory path answers 503 on its own when Redis is gone.
 */
export class RedisRateLimiter implements RateLimiter {
  private readonly redis: Scripted;
  private readonly prefix: string;
  private lastWarnAt = -Infinity;

  constructor(
    redis: RedisClient,
    private readonly options: RedisRateLimiterOptions,
  ) {
    redis.defineCommand('rateLimitTake', { numberOfKeys: 1, lua: takeLua });
    this.redis = redis as Scripted;
    this.prefix = `${options.keyPrefix ?? ''}rl:`;
  }

  redisKey(key: string): string {
    return `${this.prefix}{${key}}`;
  }

  async take(request: TakeRequest): Promise<TakeResult> {
    assertValidTake(request);
    const { key, limit, refillPerSecond, cost = 1, now } = request;
    try {
      const [allowed, remaining, resetAt, retryAfterMs] = await this.redis.rateLimitTake(
        this.redisKey(key),
        limit,
        refillPerSecond,
        cost,
        now ?? '',
      );
      return { allowed: allowed === 1, limit, remaining, resetAt: Number(resetAt), retryAfterMs };
    } catch (error) {
      this.warn(error);
      const at = now ?? Date.now();
      return { allowed: true, limit, remaining: limit - cost, resetAt: at, retryAfterMs: 0 };
    }
  }

  private warn(error: unknown): void {
    const at = Date.now();
    if (at - this.lastWarnAt < (this.options.warnEveryMs ?? 10_000)) return;
    this.lastWarnAt = at;
    this.options.logger.warn('rate limiter unavailable: letting requests through', {
      error: error instanceof Error ? error.message : String(error),
    });
  }
}
