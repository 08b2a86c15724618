/** The load shapes of issue 4's benchmark. Durations are defaults; `--duration` overrides them all. */
export type Scenario = {
  readonly name: ScenarioName;
  readonly summary: string;
  readonly durationSeconds: number;
  readonly connections: number;
  /** Offered rate for all connections together; closed loop (as fast as answers come) when absent. */
  readonly overallRate?: number;
  /**
   * Offered rate as a share of the same run's baseline `max` rate (the harness measures `max` first),
   * so the scenario fits whatever machine runs it; `overallRate` is then set per run.
   */
  readonly rateOfBaselineMax?: number;
  readonly zones: number;
  readonly capacityPerZone: number;
  readonly maxTicketsPerUser: number;
  readonly quantity: number;
  /** A fixed handful of buyers; otherwise enough that nobody reaches the per-user limit. */
  readonly fixedBuyers?: number;
  /** Seats sold before the measurement starts (the sold-out zone is emptied first). */
  readonly preSold?: number;
  /** Rejections this scenario is made of: they are outcomes, not errors. */
  readonly expectedRejections: readonly string[];
};

export const scenarioNames = [
  'max',
  'fixed-10k',
  'spike-20k',
  'sold-out',
  'buyer-limit',
  'fixed-0.7',
  'sold-out-0.5',
] as const;
export type ScenarioName = (typeof scenarioNames)[number];

/** 1,000,000 is the largest zone the catalog accepts; four of them cover 60 s at 20k/s with one seat each. */
const large = { zones: 4, capacityPerZone: 1_000_000, maxTicketsPerUser: 10, quantity: 1 } as const;

export const scenarios: Record<ScenarioName, Scenario> = {
  max: {
    name: 'max',
    summary: 'closed loop: every connection sends its next request as soon as the last is answered',
    durationSeconds: 30,
    connections: 100,
    ...large,
    expectedRejections: [],
  },
  'fixed-10k': {
    name: 'fixed-10k',
    summary: '10,000 requests/s offered for 60 s (the issue target: p99 ≤ 50 ms, < 0.1% errors)',
    durationSeconds: 60,
    connections: 200,
    overallRate: 10_000,
    ...large,
    expectedRejections: [],
  },
  'spike-20k': {
    name: 'spike-20k',
    summary: '20,000 requests/s offered in a short burst: more than this machine can answer',
    durationSeconds: 10,
    connections: 400,
    overallRate: 20_000,
    ...large,
    expectedRejections: [],
  },
  'sold-out': {
    name: 'sold-out',
    summary: '10,000 requests/s at a zone already sold out: every answer is 409 (target p99 ≤ 5 ms)',
    durationSeconds: 10,
    connections: 100,
    overallRate: 10_000,
    zones: 1,
    capacityPerZone: 10,
    preSold: 10,
    maxTicketsPerUser: 10,
    quantity: 1,
    expectedRejections: ['INSUFFICIENT_SEATS'],
  },
  'fixed-0.7': {
    name: 'fixed-0.7',
    summary:
      "0.7 × the same run's baseline max rate offered for 60 s (issue 13: p99 ≤ 50 ms, < 0.1% errors, zero oversell, 201s = BookingReserved)",
    durationSeconds: 60,
    connections: 200,
    rateOfBaselineMax: 0.7,
    ...large,
    expectedRejections: [],
  },
  'sold-out-0.5': {
    name: 'sold-out-0.5',
    summary:
      "0.5 × the same run's baseline max rate at a sold-out zone (issue 13: p99 ≤ 10 ms, ≥ 0.9 of the baseline's rate)",
    durationSeconds: 10,
    connections: 100,
    rateOfBaselineMax: 0.5,
    zones: 1,
    capacityPerZone: 10,
    preSold: 10,
    maxTicketsPerUser: 10,
    quantity: 1,
    expectedRejections: ['INSUFFICIENT_SEATS'],
  },
  'buyer-limit': {
    name: 'buyer-limit',
    summary: '20 buyers (limit 4 each) hammer one event in a closed loop; all but 80 seats refused',
    durationSeconds: 10,
    connections: 100,
    zones: 2,
    capacityPerZone: 1_000_000,
    maxTicketsPerUser: 4,
    quantity: 1,
    fixedBuyers: 20,
    expectedRejections: ['TICKET_LIMIT_EXCEEDED'],
  },
};

/** Buyers for a run: enough that each reserves at most 80% of the per-user limit at the offered load. */
export function buyersFor(scenario: Scenario, durationSeconds: number, amount?: number): number {
  if (scenario.fixedBuyers !== undefined) return scenario.fixedBuyers;
  const requests = amount ?? (scenario.overallRate ?? 25_000) * durationSeconds;
  const perBuyer = Math.max(1, Math.floor((scenario.maxTicketsPerUser * 0.8) / scenario.quantity));
  return Math.max(100, Math.ceil(requests / perBuyer));
}
