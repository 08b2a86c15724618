/**
 * Counts failed sign-ins per key (an account, an ip) — and sign-up attempts per ip — and says when a
 * key must wait. A port so that Redis can back it when several command-API processes share the
 * counting; `infra/auth` has the in-process adapter.
 */
export interface LoginThrottle {
  /** The longest wait any of `keys` still owes, in whole seconds, or 0 when all may try now. */
  retryAfterSeconds(keys: readonly string[]): Promise<number>;
  recordFailure(keys: readonly string[]): Promise<void>;
  /** Forget the failures of `keys` (after a successful sign-in). */
  reset(keys: readonly string[]): Promise<void>;
}
