import { jitteredBackoffMs, type JitteredBackoff } from '../shared/jittered-backoff';

export type ChargeRetryOptions = JitteredBackoff & {
  /** Retries after a gateway error or timeout, beyond the first call (default 3: four calls in all). */
  readonly retries: number;
};

/** 1 s, 2 s, 4 s, each plus up to 20 %. */
export const defaultChargeRetry: ChargeRetryOptions = {
  retries: 3,
  baseDelayMs: 1000,
  jitter: 0.2,
  random: Math.random,
};

/** The wait before retry number `retry` (from 1). */
export const chargeRetryDelayMs = (retry: number, options: ChargeRetryOptions): number =>
  jitteredBackoffMs(retry, options);
