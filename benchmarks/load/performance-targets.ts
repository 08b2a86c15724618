import type { ScenarioSummary } from './report';

/** One of issue 13's targets checked against a scenario's medians (the endpoint's row). */
export type TargetCheck = {
  /** What is required, e.g. `p99 ≤ 50 ms`. */
  readonly target: string;
  /** The measured figure, in the target's unit. */
  readonly value: number;
  readonly ok: boolean;
  /** By how much it was missed, in the target's unit (0 when met). */
  readonly missedBy: number;
};

const atMost = (target: string, value: number, limit: number): TargetCheck => ({
  target,
  value,
  ok: value <= limit,
  missedBy: value <= limit ? 0 : round(value - limit),
});
const atLeast = (target: string, value: number, floor: number): TargetCheck => ({
  target,
  value,
  ok: value >= floor,
  missedBy: value >= floor ? 0 : round(floor - value),
});
const below = (target: string, value: number, limit: number): TargetCheck => ({
  target,
  value,
  ok: value < limit,
  missedBy: value < limit ? 0 : round(value - limit),
});
const round = (value: number) => Math.round(value * 1000) / 1000;

/**
 * The targets of issue 13 that a scenario measures (this machine, load generator on it, baseline in
 * the same run). Scenarios without targets of their own (issue 4's) check none. The invariants (zero
 * oversell, every 201 stored) are the verdict's own checks and stay there.
 */
export function checkTargets(summary: Omit<ScenarioSummary, 'targets'>): TargetCheck[] {
  const { endpoint, baseline } = summary;
  const checks: TargetCheck[] = [];
  switch (summary.scenario) {
    case 'max':
      if (summary.ratioToBaseline !== undefined)
        checks.push(atLeast('≥ 0.8 of the baseline (req/s)', summary.ratioToBaseline, 0.8));
      checks.push(atMost('p99 ≤ 50 ms', endpoint.p99, 50));
      if (summary.cpuRatio !== undefined)
        checks.push(atMost('server CPU per answer ≤ 1.5 × the baseline server’s', summary.cpuRatio, 1.5));
      break;
    case 'fixed-0.7': {
      checks.push(atMost('p99 ≤ 50 ms', endpoint.p99, 50));
      checks.push(below('errors < 0.1% (in %)', round(endpoint.errorRate * 100), 0.1));
      checks.push(atMost('201s without BookingReserved = 0', endpoint.lost, 0));
      // Not the issue's, the harness's: a server that falls behind makes the generator send less.
      const offered = summary.parameters.overallRate;
      if (offered) checks.push(atLeast('≥ 0.95 of the offered rate', round(endpoint.rps / offered), 0.95));
      break;
    }
    case 'sold-out-0.5':
      checks.push(atMost('p99 ≤ 10 ms', endpoint.p99, 10));
      if (baseline)
        checks.push(atLeast('≥ 0.9 of the baseline (req/s)', round(endpoint.rps / baseline.rps), 0.9));
      break;
    default:
      break;
  }
  return checks;
}
