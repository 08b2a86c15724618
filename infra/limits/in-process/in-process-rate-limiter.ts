import { assertValidTake, refillAndTake } from '../../../command-side/rate-limit';
import type { RateLimiter, TakeRequest, TakeResult } from '../../ports/rate-limiter';

type Bucket = { tokens: number; at: number; fullAt: number };

/** The embedded mode's limiter: buckets in a Map; each take is synchronous inside, so atomic. */
export class InProcessRateLimiter implements RateLimiter {
  private readonly buckets = new Map<string, Bucket>();
  private takesSinceSweep = 0;

  constructor(private readonly clock: () => number = Date.now) {}

  async take(request: TakeRequest): Promise<TakeResult> {
    assertValidTake(request);
    const now = request.now ?? this.clock();
    if (++this.takesSinceSweep >= 10_000) this.sweep(now);
    const { tokens, result } = refillAndTake(this.buckets.get(request.key), request, now);
    this.buckets.set(request.key, { tokens, at: now, fullAt: result.resetAt });
    return result;
  }

  /** A full bucket is the same as no bucket: drop those so memory follows the active keys only. */
  private sweep(now: number): void {
    this.takesSinceSweep = 0;
    for (const [key, bucket] of this.buckets) if (bucket.fullAt <= now) this.buckets.delete(key);
  }
}
