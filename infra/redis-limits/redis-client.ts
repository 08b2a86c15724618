import { Redis } from 'ioredis';

export type LimitsRedisOptions = {
  /** A command that gets no reply within this long fails (default 200 ms): limits must never hang a request. */
  commandTimeoutMs?: number;
  /** Called for connection errors (ioredis keeps reconnecting in the background). */
  onError?: (error: Error) => void;
};

/**
 * A client for the rate limiter and idempotency store. No offline queue: while Redis is away, commands
 * fail at once instead of piling up, and each caller applies its documented failure choice.
 */
export function createLimitsRedis(url: string, options: LimitsRedisOptions = {}): Redis {
  const client = new Redis(url, {
    commandTimeout: options.commandTimeoutMs ?? 200,
    connectTimeout: 1_000,
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    enableAutoPipelining: true,
    retryStrategy: (attempt) => Math.min(50 * attempt, 1_000),
  });
  client.on('error', options.onError ?? (() => undefined));
  return client;
}

/** Resolves once `client` is ready to take commands (they fail fast before that: no offline queue). */
export async function readyOf(client: Redis): Promise<Redis> {
  if (client.status === 'ready') return client;
  await new Promise<void>((resolve, reject) => {
    const onReady = () => {
      client.off('end', onEnd);
      resolve();
    };
    const onEnd = () => {
      client.off('ready', onReady);
      reject(new Error('Redis connection ended before it was ready'));
    };
    client.once('ready', onReady);
    client.once('end', onEnd);
  });
  return client;
}
