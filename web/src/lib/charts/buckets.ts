/** Sizes a series may be grouped by: each divides the ranges the dashboard offers (15 min … 24 h). */
const bucketSizes = [1, 2, 3, 5, 10, 15, 20, 30, 60] as const;

/** The smallest bucket size that brings `count` points down to at most `maxPoints` buckets. */
export function bucketSize(count: number, maxPoints: number): number {
  return bucketSizes.find((size) => Math.ceil(count / size) <= maxPoints) ?? Math.ceil(count / maxPoints);
}

/** `items` in consecutive groups of `size`, in order; the last group may be shorter. */
export function buckets<T>(items: readonly T[], size: number): T[][] {
  const step = Math.max(1, Math.floor(size));
  const groups: T[][] = [];
  for (let start = 0; start < items.length; start += step) groups.push(items.slice(start, start + step));
  return groups;
}
