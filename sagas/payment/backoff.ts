export type ChargeRetryOptions = {
  /** Retries after a gateway error or timeout, beyond the first call (default 3: four calls in all). */
  readonly retries: number;
  /** The wait before the first retry; doubles for each one after (default 1000: 1 s, 2 s, 4 s). */
  readonly baseDelayMs: number;
  /** Up to this share of each wait is added at random, so payments that failed together spread out. */
  readonly jitter: number;
  /** Uniform in [0, 1); injectable for tests. */
  readonly random: () => number;
};

export const defaultChargeRetry: ChargeRetryOptions = {
  retries: 3,
  baseDelayMs: 1000,
  jitter: 0.2,
  random: Math.random,
};

/** The wait before retry number `retry` (from 1): base · 2^(retry−1), plus up to `jitter` of it. */
export function chargeRetryDelayMs(retry: number, options: ChargeRetryOptions): number {
  const exponential = options.baseDelayMs * 2 ** Math.min(retry - 1, 30);
  return Math.round(exponential * (1 + options.jitter * options.random()));
}
