import type { LatencySummary } from './latency';

/** What the load generator process is told to do (sent over IPC). */
export type LoadPlan = {
  /** Base URL of the server; requests go to `POST <url>/api/v1/bookings`. */
  readonly url: string;
  readonly connections: number;
  readonly durationSeconds: number;
  /** Open-loop rate for all connections together (autocannon `overallRate`); closed loop when absent. */
  readonly overallRate?: number;
  /** Stop after this many requests instead of after the duration (every request is then answered). */
  readonly amount?: number;
  readonly timeoutSeconds: number;
  readonly zoneIds: readonly string[];
  readonly quantity: number;
  /** Buyers `buyerId(tag, first … first + count − 1)`, used round-robin: a distinct buyer per request. */
  readonly buyers: { readonly tag: string; readonly first: number; readonly count: number };
  readonly jwtSecret: string;
  /** Prefix of every Idempotency-Key (unique per request after it). */
  readonly keyPrefix: string;
  /** Where the booking ids of the 201 answers are written, one a line. */
  readonly idsFile: string;
};

export type LoadResult = {
  readonly seconds: number;
  readonly requests: number;
  readonly rps: number;
  /** Answers per HTTP status. */
  readonly statuses: Record<string, number>;
  /** Non-2xx answers per error code from the body (`error.code`). */
  readonly codes: Record<string, number>;
  /** Connection errors and timeouts (no answer at all). */
  readonly errors: number;
  readonly timeouts: number;
  /** Exact latencies of every answer, uncorrected; `byStatus` per HTTP status. */
  readonly latency: LatencySummary;
  readonly latencyByStatus: Record<string, LatencySummary>;
  /** autocannon's own figures (1 ms resolution, corrected for coordinated omission in rate mode). */
  readonly autocannon: { p50: number; p99: number; max: number; rps: number };
  readonly created: number;
};

export type GeneratorMessage =
  | { readonly type: 'started' }
  | { readonly type: 'stopped' }
  | { readonly type: 'result'; readonly result: LoadResult }
  | { readonly type: 'failed'; readonly message: string };
