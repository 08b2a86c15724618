import { Cluster, Redis } from 'ioredis';
import type { RedisTarget } from '../config';

/** A connection to one Redis server or to a Redis Cluster: the same commands, scripts and events. */
export type RedisClient = Redis | Cluster;

/** How a connection fails fast; each user picks its own (`createInventoryRedis`, `createLimitsRedis`). */
export type FailFastOptions = {
  /** A command without a reply within this long fails. */
  readonly commandTimeoutMs: number;
  /** A connection (each cluster node's, and the cluster's slot map) not made within this long fails. */
  readonly connectTimeoutMs: number;
  /** Times a command is sent again after its connection dropped; 0 fails it at once. */
  readonly maxRetriesPerRequest: number;
  /** Pause before reconnection attempt `attempt` (1, 2, …), in ms. */
  readonly reconnectDelayMs: (attempt: number) => number;
  /** Open the connection on `connect()` rather than at once. */
  readonly lazyConnect?: boolean;
  /** Connection errors (the client keeps reconnecting in the background); ignored when absent. */
  readonly onError?: (error: Error) => void;
};

/** `host:port` or `[ipv6]:port` as ioredis takes a cluster node. */
export function clusterNode(hostPort: string): { host: string; port: number } {
  const match = /^\[?([^\]]+)\]?:(\d+)$/.exec(hostPort);
  if (!match) throw new Error(`not a host:port: ${hostPort}`);
  return { host: match[1]!, port: Number(match[2]) };
}

/**
 * The one way the product opens Redis. No offline queue: while Redis (or the node owning a key's slot)
 * is away, commands fail at once instead of piling up, and each caller applies its failure choice.
 * On a cluster, commands and scripts go to the node that owns their first key's slot; MOVED and ASK
 * replies are followed by ioredis (slot map refreshed), so they never reach a caller.
 */
export function createRedisClient(target: RedisTarget | string, options: FailFastOptions): RedisClient {
  const connection = {
    connectTimeout: options.connectTimeoutMs,
    commandTimeout: options.commandTimeoutMs,
    maxRetriesPerRequest: options.maxRetriesPerRequest,
  };
  const client =
    typeof target === 'string' || 'url' in target
      ? new Redis(typeof target === 'string' ? target : target.url, {
          ...connection,
          lazyConnect: options.lazyConnect ?? false,
          enableAutoPipelining: true,
          enableOfflineQueue: false,
          retryStrategy: options.reconnectDelayMs,
        })
      : new Cluster(target.clusterNodes.map(clusterNode), {
          lazyConnect: options.lazyConnect ?? false,
          enableAutoPipelining: true,
          enableOfflineQueue: false,
          clusterRetryStrategy: options.reconnectDelayMs,
          slotsRefreshTimeout: options.connectTimeoutMs,
          redisOptions: connection,
        });
  // Failures reach callers as rejected commands; the event would otherwise print as "unhandled".
  client.on('error', options.onError ?? (() => {}));
  return client;
}

/** Resolves once `client` is ready to take commands (they fail fast before that: no offline queue). */
export async function readyOf<T extends RedisClient>(client: T): Promise<T> {
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
