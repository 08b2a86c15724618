import { backoffDelay, type BackoffOptions, type LogFilter } from '../../infra/log-follower';
import { silentLogger, type Logger } from '../../infra/ports/logger';
import type { Metrics } from '../../infra/ports/metrics';

export type ProjectionRunnerOptions = {
  /** Most events one batch (one transaction) applies. Default 500. */
  readonly batchSize?: number;
  /** Polling fallback for missed wake-ups. Default 500 ms. */
  readonly pollIntervalMs?: number;
  /** How often a standby instance tries the lock again. Default 1000 ms. */
  readonly lockRetryMs?: number;
  /** First retry delay after a failed batch; doubles per failure up to `retryMaxMs`. Default 100 ms. */
  readonly retryBaseMs?: number;
  /** Default 30 s. */
  readonly retryMaxMs?: number;
  readonly logger?: Logger;
  /** Where each live follower reports its batches, failures and lag (a rebuild's does not). */
  readonly metrics?: Pick<Metrics, 'follower'>;
};

export type ResolvedRunnerOptions = {
  readonly batchSize: number;
  readonly pollIntervalMs: number;
  readonly lockRetryMs: number;
  readonly backoff: BackoffOptions;
  readonly logger: Logger;
  readonly metrics?: Pick<Metrics, 'follower'>;
};

export function resolveRunnerOptions(options: ProjectionRunnerOptions): ResolvedRunnerOptions {
  const resolved = {
    batchSize: options.batchSize ?? 500,
    pollIntervalMs: options.pollIntervalMs ?? 500,
    lockRetryMs: options.lockRetryMs ?? 1000,
    backoff: { baseMs: options.retryBaseMs ?? 100, maxMs: options.retryMaxMs ?? 30_000 },
    logger: options.logger ?? silentLogger,
    ...(options.metrics && { metrics: options.metrics }),
  };
  const numbers = { ...resolved, ...resolved.backoff };
  for (const key of ['batchSize', 'pollIntervalMs', 'lockRetryMs', 'baseMs', 'maxMs'] as const) {
    if (!Number.isInteger(numbers[key]) || numbers[key] < 1) {
      throw new TypeError(`Projection runner option ${key} must be a positive integer, got ${numbers[key]}`);
    }
  }
  return resolved;
}

/** What every follower of a projection is given, whatever its store (SQL or documents, live or rebuild). */
export function projectionFollowerSettings(
  projection: { readonly name: string; readonly filter?: LogFilter },
  options: Pick<ResolvedRunnerOptions, 'batchSize' | 'pollIntervalMs' | 'backoff' | 'logger'>,
) {
  return {
    logFields: { projection: projection.name },
    ...(projection.filter ? { filter: projection.filter } : {}),
    batchSize: options.batchSize,
    pollIntervalMs: options.pollIntervalMs,
    retryDelayMs: (attempt: number) => backoffDelay(attempt, options.backoff),
    logger: options.logger,
  };
}
