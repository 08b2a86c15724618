import type { Doc, IndexSpec } from '../../ports/document-store';

/** The documents no TTL index has expired at `now` (ms); like MongoDB, only Date values expire. */
export function unexpired(docs: Doc[], indexes: readonly IndexSpec[], now: number): Doc[] {
  let left = docs;
  for (const { fields, expireAfterSeconds } of indexes) {
    const field = Object.keys(fields)[0];
    if (expireAfterSeconds === undefined || field === undefined) continue;
    const limitMs = expireAfterSeconds * 1000;
    left = left.filter((doc) => {
      const at = doc[field];
      return !(at instanceof Date && at.getTime() + limitMs <= now);
    });
  }
  return left;
}
