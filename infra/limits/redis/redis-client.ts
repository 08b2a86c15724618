import type { RedisTarget } from '../../config';
import { createRedisClient, type RedisClient } from '../../redis';

export { readyOf } from '../../redis';

export type LimitsRedisOptions = {
  /** A command that gets no reply within this long fails (default 200 ms): limits must never hang a request. */
  commandTimeoutMs?: number;
  /** Called for connection errors (ioredis keeps reconnecting in the background). */
  onError?: (error: Error) => void;
};

/**
 * A client for the rate limiter and idempotency store, on a server URL or a cluster's seed nodes. No
 * offline queue: while Redis is away, commands fail at once instead of piling up, and each caller applies
 * its documented failure choice.
 */
export function createLimitsRedis(
  target: RedisTarget | string,
  options: LimitsRedisOptions = {},
): RedisClient {
  return createRedisClient(target, {
    commandTimeoutMs: options.commandTimeoutMs ?? 200,
    connectTimeoutMs: 1_000,
    maxRetriesPerRequest: 0,
    reconnectDelayMs: (attempt) => Math.min(50 * attempt, 1_000),
    ...(options.onError ? { onError: options.onError } : {}),
  });
}
