import type { LoginThrottle } from '../ports/login-throttle';

export type ThrottleRule = {
  /** Failures allowed inside the window; the next attempt waits. */
  readonly maxFailures: number;
  readonly windowMs: number;
};

export type InMemoryLoginThrottleOptions = {
  /** Per key prefix (`account`, `ip`); keys without a rule of their own use `default`. */
  readonly rules?: Readonly<Record<string, ThrottleRule>>;
  readonly clock?: () => number;
};

/** 5 failures per account, 20 per ip (shared NATs), each within 15 minutes. */
export const defaultThrottleRules: Readonly<Record<string, ThrottleRule>> = {
  default: { maxFailures: 5, windowMs: 15 * 60_000 },
  account: { maxFailures: 5, windowMs: 15 * 60_000 },
  ip: { maxFailures: 20, windowMs: 15 * 60_000 },
};

/** Every this many recorded failures, keys whose failures all left their window are dropped. */
const sweepEvery = 1000;

/**
 * The LoginThrottle of one process: a sliding window of failure times per key. Memory stays bounded:
 * a key's old failures are pruned whenever it is touched, and a periodic sweep drops idle keys (an
 * attacker spraying many addresses cannot grow the map past one window's worth).
 */
export class InMemoryLoginThrottle implements LoginThrottle {
  private readonly failures = new Map<string, number[]>();
  private readonly rules: Readonly<Record<string, ThrottleRule>>;
  private readonly clock: () => number;
  private recordedSinceSweep = 0;

  constructor(options: InMemoryLoginThrottleOptions = {}) {
    this.rules = { ...defaultThrottleRules, ...options.rules };
    this.clock = options.clock ?? Date.now;
  }

  async retryAfterSeconds(keys: readonly string[]): Promise<number> {
    const now = this.clock();
    let waitMs = 0;
    for (const key of keys) {
      const rule = this.ruleOf(key);
      const recent = this.recent(key, now);
      if (recent.length < rule.maxFailures) continue;
      // Allowed again once enough of the oldest failures have left the window.
      const freeing = recent[recent.length - rule.maxFailures]!;
      waitMs = Math.max(waitMs, freeing + rule.windowMs - now);
    }
    return Math.ceil(waitMs / 1000);
  }

  async recordFailure(keys: readonly string[]): Promise<void> {
    const now = this.clock();
    for (const key of keys) this.failures.set(key, [...this.recent(key, now), now]);
    if (++this.recordedSinceSweep >= sweepEvery) this.sweep(now);
  }

  /** Keys currently holding failures (for tests and metrics). */
  get size(): number {
    return this.failures.size;
  }

  private sweep(now: number): void {
    this.recordedSinceSweep = 0;
    for (const key of [...this.failures.keys()]) this.recent(key, now);
  }

  async reset(keys: readonly string[]): Promise<void> {
    for (const key of keys) this.failures.delete(key);
  }

  private ruleOf(key: string): ThrottleRule {
    const prefix = key.slice(0, key.indexOf(':'));
    return this.rules[prefix] ?? this.rules.default!;
  }

  private recent(key: string, now: number): number[] {
    const { windowMs } = this.ruleOf(key);
    const kept = (this.failures.get(key) ?? []).filter((time) => time > now - windowMs);
    if (kept.length === 0) this.failures.delete(key);
    else this.failures.set(key, kept);
    return kept;
  }
}
