/** How long a store keeps an answer unless told otherwise. */
export const defaultResultTtlMs = 24 * 60 * 60 * 1000;
export const maxKeyLength = 200;

/** True for a usable Idempotency-Key (API.md: 1–200 characters). */
export const isValidIdempotencyKey = (key: unknown): key is string =>
  typeof key === 'string' && key.length >= 1 && key.length <= maxKeyLength;
