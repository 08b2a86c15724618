/** How a retried action spreads its attempts out. */
export type JitteredBackoff = {
  /** The first wait; doubles for each one after. */
  readonly baseDelayMs: number;
  /** Up to this share of each wait is added at random, so actions that failed together spread out. */
  readonly jitter: number;
  /** Uniform in [0, 1); injectable for tests. */
  readonly random: () => number;
};

/** The wait after failure number `failure` (from 1): base · 2^(failure−1), plus up to `jitter` of it. */
export function jitteredBackoffMs(failure: number, backoff: JitteredBackoff): number {
  const exponential = backoff.baseDelayMs * 2 ** Math.min(failure - 1, 30);
  return Math.round(exponential * (1 + backoff.jitter * backoff.random()));
}
