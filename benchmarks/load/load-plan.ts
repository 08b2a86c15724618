import type { LatencySummary } from './latency';

/** autocannon (Node, in the generator process) or wrk (C, a child of it: far less CPU per request). */
export const loadGenerators = ['autocannon', 'wrk'] as const;
export type LoadGeneratorName = (typeof loadGenerators)[number];

/** What the load generator process is told to do (sent over IPC). */
export type LoadPlan = {
  /** Base URL of the server; requests go to `POST <url>/api/v1/bookings`. */
  readonly url: string;
  readonly connections: number;
  readonly durationSeconds: number;
  /**
   * Rate offered by all connections together (autocannon's `overallRate`; wrk paced by its script);
   * closed loop when absent.
   */
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
  /** autocannon when absent. */
  readonly generator?: LoadGeneratorName;
  /** wrk's threads (2 when absent); lowered to 1 when the connections do not divide among them. */
  readonly wrkThreads?: number;
};

export type LoadResult = {
  /** Which load generator ran (results written before wrk was added have no such field: autocannon). */
  readonly generator: LoadGeneratorName;
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
  /**
   * Exact latencies of every answer, uncorrected; `byStatus` per HTTP status (autocannon only: wrk
   * keeps one histogram for all answers).
   */
  readonly latency: LatencySummary;
  readonly latencyByStatus: Record<string, LatencySummary>;
  /**
   * The load generator's own figures. autocannon: 1 ms resolution, corrected for coordinated omission
   * in rate mode. For a wrk run, wrk's own (corrected for coordinated omission even in a closed loop);
   * the name stays for readers of earlier results.
   */
  readonly autocannon: { p50: number; p99: number; max: number; rps: number };
  readonly created: number;
  /** wrk only: whether its correction could be undone (`latency` is then exact) and the interval it used. */
  readonly wrk?: {
    readonly correctionUndone: boolean;
    readonly intervalUs: number;
    readonly threads: number;
    /** Paced runs (a plan with `overallRate`). */
    readonly paced?: WrkPacing;
  };
};

/**
 * How wrk's paced run kept its schedule: requests sent on it, those sent more than `lateMs` after their
 * scheduled time (every connection of the thread was still waiting for an answer, or wrk's thread
 * had no CPU) and the worst delay in ms. A late request's latency is measured from its actual send.
 */
export type WrkPacing = {
  readonly rate: number;
  readonly sends: number;
  readonly late: number;
  readonly lateMs: number;
  readonly maxLateMs: number;
};

export type GeneratorMessage =
  | { readonly type: 'started' }
  | { readonly type: 'stopped' }
  | { readonly type: 'result'; readonly result: LoadResult }
  | { readonly type: 'failed'; readonly message: string };

/** One buyer of a plan: its id (also sent as `x-buyer` for the baseline) and its access token. */
export type PlanBuyer = { readonly id: string; readonly token: string };

/** Told by a load generator when its load starts and stops (the parent samples CPU at both). */
export type LoadHooks = { started(): Promise<void>; stopped(): Promise<void> };
