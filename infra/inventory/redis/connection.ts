import { Redis } from 'ioredis';
import { AppError } from '../../../domain/shared';

/**
 * A connection that fails fast: no offline queue, bounded connect and command time, so an outage
 * turns into SERVICE_UNAVAILABLE within about a second instead of a hanging request.
 */
export function createInventoryRedis(url: string, timeoutMs = 1000): Redis {
  const redis = new Redis(url, {
    lazyConnect: true,
    enableAutoPipelining: true,
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    connectTimeout: timeoutMs,
    commandTimeout: timeoutMs,
    retryStrategy: (attempt) => Math.min(attempt * 100, 2000),
  });
  // Failures reach callers as rejected commands; the event would otherwise print as "unhandled".
  redis.on('error', () => {});
  return redis;
}

/** Replies from Redis itself (a script error) are bugs and pass through; the rest is an outage. */
export function toInventoryError(error: unknown): unknown {
  if (error instanceof Error && error.message.startsWith('DUPLICATE_BOOKING')) {
    return new AppError('INTERNAL_ERROR', 'Booking id already holds seats');
  }
  if (error instanceof Error && error.name === 'ReplyError' && !error.message.startsWith('LOADING'))
    return error;
  if (error instanceof AppError) return error;
  const reason = error instanceof Error ? error.message : String(error);
  return new AppError('SERVICE_UNAVAILABLE', 'Seat inventory is unavailable, try again shortly', { reason });
}
