/** One cumulative bucket of a histogram: observations at or below `le` (Infinity for `+Inf`). */
export type Bucket = { readonly le: number; readonly count: number };

/**
 * The `q`-quantile (0–1) of the observations counted by cumulative `buckets`, as Prometheus's
 * `histogram_quantile` estimates it: find the bucket the rank falls in and interpolate linearly between
 * its bounds (the first bucket's lower bound is 0). A rank in the `+Inf` bucket answers the highest
 * finite bound. Undefined where Prometheus answers NaN: no observations, no `+Inf` bucket, or fewer than
 * two buckets.
 */
export function histogramQuantile(q: number, buckets: readonly Bucket[]): number | undefined {
  if (q < 0) return -Infinity;
  if (q > 1) return Infinity;
  const sorted = [...buckets].sort((a, b) => a.le - b.le);
  if (sorted.length < 2 || sorted.at(-1)!.le !== Infinity) return undefined;
  // Counts that fall as the bound rises (a read between two bucket updates) are raised, as Prometheus does.
  let highest = 0;
  const counts = sorted.map((bucket) => (highest = Math.max(highest, bucket.count)));
  const total = counts.at(-1)!;
  if (total === 0 || Number.isNaN(q)) return undefined;
  const rank = q * total;
  const found = counts.findIndex((count, index) => index < counts.length - 1 && count >= rank);
  const index = found === -1 ? counts.length - 1 : found;
  if (index === counts.length - 1) return sorted.at(-2)!.le;
  const upper = sorted[index]!.le;
  if (index === 0 && upper <= 0) return upper;
  const lower = index === 0 ? 0 : sorted[index - 1]!.le;
  const below = index === 0 ? 0 : counts[index - 1]!;
  const estimate = lower + (upper - lower) * ((rank - below) / (counts[index]! - below));
  return Number.isNaN(estimate) ? undefined : estimate;
}
