export type TakeRequest = {
  /** Whose bucket: e.g. `reserve:user:<id>` or `reserve:ip:<addr>`. */
  readonly key: string;
  /** Bucket size: the burst allowed from a full bucket. */
  readonly limit: number;
  /** Tokens added back per second, up to `limit`. */
  readonly refillPerSecond: number;
  /** Tokens this request takes (default 1, at most `limit`). */
  readonly cost?: number;
  /** Milliseconds since the epoch. Optional: adapters default to their clock (Redis: the server's TIME). */
  readonly now?: number;
};

export type TakeResult = {
  readonly allowed: boolean;
  readonly limit: number;
  /** Whole tokens left after this request. */
  readonly remaining: number;
  /** Epoch milliseconds when the bucket is full again. */
  readonly resetAt: number;
  /** 0 when allowed; else milliseconds until `cost` tokens are back. */
  readonly retryAfterMs: number;
};

/** A token bucket per key; every `take` is atomic across all processes sharing the adapter. */
export interface RateLimiter {
  take(request: TakeRequest): Promise<TakeResult>;
}
