import { ContainerModule, type ServiceIdentifier } from 'inversify';
import type { Config, RedisTarget } from '../../config';
import { TOKENS } from '../../di';
import type { Logger } from '../../logging';
import type { IdempotencyStore } from '../../ports/idempotency-store';
import type { RateLimiter } from '../../ports/rate-limiter';
import { InProcessIdempotencyStore, InProcessRateLimiter } from '../../limits/in-process';
import { RedisIdempotencyStore, RedisRateLimiter, createLimitsRedis, readyOf } from '../../limits/redis';
import type { RedisClient } from '../../redis';
import { redisUnreachable } from '../startup-error';
import { LimitsTokens } from './limits-tokens';

type Limits = { idempotency: IdempotencyStore; rateLimiter: RateLimiter; close(): Promise<void> };
const LimitsToken = Symbol('Limits') as ServiceIdentifier<Limits>;

/**
 * A fail-fast client (`createLimitsRedis`) on the configured Redis, ready to take commands; a start-up
 * error naming the variable when it is not within 3 s. It reconnects on its own afterwards, commands
 * failing fast meanwhile, and each user applies its own failure choice.
 */
export async function connectLimitsRedis(
  target: RedisTarget,
  log: Logger,
  options: { commandTimeoutMs?: number } = {},
): Promise<RedisClient> {
  const redis = createLimitsRedis(target, {
    ...options,
    onError: (error) => log.debug('redis connection error', { error: error.message }),
  });
  // Commands fail fast until the connection is ready (no offline queue): wait for it once, at start-up.
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error('no answer within 3 s')), 3_000);
  });
  try {
    await Promise.race([readyOf(redis), timeout]);
  } catch (error) {
    redis.disconnect();
    throw redisUnreachable(target, error);
  } finally {
    clearTimeout(timer);
  }
  return redis;
}

async function openLimits(config: Config, logger: Logger): Promise<Limits> {
  const target = config.redis;
  if (!target) {
    return {
      idempotency: new InProcessIdempotencyStore(),
      rateLimiter: new InProcessRateLimiter(),
      close: async () => {},
    };
  }
  const log = logger.child({ component: 'limits' });
  // Idempotency answers 503 while Redis is away, the rate limiter lets requests through.
  const redis = await connectLimitsRedis(target, log);
  return {
    idempotency: new RedisIdempotencyStore(redis, { keyPrefix: config.redisKeyPrefix }),
    rateLimiter: new RedisRateLimiter(redis, { logger: log, keyPrefix: config.redisKeyPrefix }),
    close: async () => {
      await redis.quit().catch(() => redis.disconnect());
    },
  };
}

/** The idempotency store and rate limiter of the command API (one Redis connection for both). */
export const limitsModule = new ContainerModule(({ bind }) => {
  bind(LimitsToken).toResolvedValue(openLimits, [TOKENS.Config, TOKENS.Logger]).inSingletonScope();
  bind(LimitsTokens.Idempotency).toResolvedValue((limits: Limits) => limits.idempotency, [LimitsToken]);
  bind(LimitsTokens.RateLimiter).toResolvedValue((limits: Limits) => limits.rateLimiter, [LimitsToken]);
  bind(TOKENS.BackgroundService).toResolvedValue(
    (limits: Limits) => ({ name: 'limits', start: async () => {}, stop: () => limits.close() }),
    [LimitsToken],
  );
});
