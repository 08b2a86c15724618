import type { RedisTarget } from '../../config';
import { AppError } from '../../../domain/shared';
import { createRedisClient, type RedisClient } from '../../redis';

/**
 * A connection that fails fast: no offline queue, bounded connect and command time, so an outage
 * turns into SERVICE_UNAVAILABLE within about a second instead of a hanging request. Opens on
 * `connect()`. A server URL or a cluster's seed nodes (`{ clusterNodes }`).
 */
export function createInventoryRedis(target: RedisTarget | string, timeoutMs = 1000): RedisClient {
  return createRedisClient(target, {
    lazyConnect: true,
    maxRetriesPerRequest: 1,
    connectTimeoutMs: timeoutMs,
    commandTimeoutMs: timeoutMs,
    reconnectDelayMs: (attempt) => Math.min(attempt * 100, 2000),
  });
}

/** Replies that mean the server or cluster cannot serve now (loading its data, a slot without a master). */
const unavailableReply = /^(LOADING|CLUSTERDOWN|TRYAGAIN|MASTERDOWN)\b/;

/** Replies from Redis itself (a script error) are bugs and pass through; the rest is an outage. */
export function toInventoryError(error: unknown): unknown {
  if (error instanceof Error && error.message.startsWith('DUPLICATE_BOOKING')) {
    return new AppError('INTERNAL_ERROR', 'Booking id already holds seats');
  }
  if (error instanceof Error && error.name === 'ReplyError' && !unavailableReply.test(error.message))
    return error;
  if (error instanceof AppError) return error;
  const reason = error instanceof Error ? error.message : String(error);
  return new AppError('SERVICE_UNAVAILABLE', 'Seat inventory is unavailable, try again shortly', { reason });
}
