/** How long an idempotency record outlives the hold it answered, so a late retry never holds twice. */
export const idempotencyMarginMs = 10 * 60_000;

export const idempotencyTtlMs = (ttlMs: number): number => ttlMs + idempotencyMarginMs;
