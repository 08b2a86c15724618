/** A linear map from `domain` to `range` (pixels); a zero-width domain maps everything to the range's start. */
export function linearScale(
  [d0, d1]: readonly [number, number],
  [r0, r1]: readonly [number, number],
): (value: number) => number {
  const span = d1 - d0;
  return (value) => (span === 0 ? r0 : r0 + ((value - d0) / span) * (r1 - r0));
}

/** The step of 1, 2 or 5 × 10ⁿ that cuts `span` into about `count` parts. */
export function niceStep(span: number, count: number): number {
  const raw = Math.abs(span) / Math.max(1, count);
  if (raw === 0 || !Number.isFinite(raw)) return 1;
  const power = 10 ** Math.floor(Math.log10(raw));
  const fraction = raw / power;
  const nice = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10;
  return nice * power;
}

/**
 * Axis ticks at round numbers covering [min, max], about `count` of them, first ≤ min and last ≥ max.
 * `integer` keeps the step at 1 or more (for counts of bookings). An empty range gives [min, min + step].
 */
export function niceTicks(min: number, max: number, count = 5, integer = false): number[] {
  const low = Math.min(min, max);
  const high = Math.max(min, max);
  let step = niceStep(high - low, count);
  if (integer) step = Math.max(1, step);
  const start = Math.floor(low / step) * step;
  const end = Math.max(Math.ceil(high / step) * step, start + step);
  const decimals = Math.max(0, -Math.floor(Math.log10(step)));
  const ticks: number[] = [];
  for (let index = 0; start + index * step <= end + step / 2; index++) {
    ticks.push(Number((start + index * step).toFixed(decimals)));
  }
  return ticks;
}

/**
 * Which of `count` points get an axis label when at most `maxLabels` fit: every k-th, counted back
 * from the last so the newest point is always labelled.
 */
export function labelledIndices(count: number, maxLabels: number): number[] {
  if (count <= 0) return [];
  const stride = Math.max(1, Math.ceil(count / Math.max(1, maxLabels)));
  const indices: number[] = [];
  for (let index = count - 1; index >= 0; index -= stride) indices.unshift(index);
  return indices;
}
