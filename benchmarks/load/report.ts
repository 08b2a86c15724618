import { median } from '../shared';
import type { ScenarioRun, TargetResult } from './harness';
import type { LoadGeneratorName, WrkPacing } from './load-plan';
import { checkTargets, type TargetCheck } from './performance-targets';
import { scenarios, type ScenarioName } from './scenarios';

export { toMarkdown } from './report-markdown';

export type TargetSummary = {
  rps: number;
  p50: number;
  p99: number;
  max: number;
  /** The load generator's own p99 (autocannon: 1 ms steps, corrected in rate mode; wrk: corrected). */
  autocannonP99: number;
  errorRate: number;
  statuses: Record<string, number>;
  codes: Record<string, number>;
  timeouts: number;
  cpu: Record<string, number>;
  /** µs of CPU per 2xx/409 answer, per process group, and for the server under load. */
  cpuUsPerAnswer: Record<string, number>;
  serverCpuUsPerAnswer: number;
  /** Every run's verdict passed. */
  verdict: 'PASS' | 'FAIL';
  created: number;
  reservedEvents: number;
  lost: number;
  perRun: {
    rps: number;
    p99: number;
    verdict: boolean;
    serverCpuUsPerAnswer: number;
    /** wrk at an offered rate: how its schedule was kept (requests sent late, the worst delay). */
    paced?: WrkPacing;
  }[];
};

export type ScenarioSummary = {
  scenario: ScenarioName;
  /** Both targets were measured under this load generator. */
  generator: LoadGeneratorName;
  summary: string;
  parameters: ScenarioRun['parameters'];
  endpoint: TargetSummary;
  baseline?: TargetSummary;
  /** endpoint RPS / baseline RPS (medians); for rate scenarios both may simply meet the offered rate. */
  ratioToBaseline?: number;
  /** endpoint server's CPU per answer / baseline server's (medians). */
  cpuRatio?: number;
  /** The same two ratios within each run. */
  perRunRatios?: { rps: number; cpu: number }[];
  /** Issue 13's targets for this scenario, checked on the medians. */
  targets: TargetCheck[];
  /** Scenarios offered a share of the baseline's max rate: the rate offered in each run. */
  offeredPerRun?: number[];
};

const round = (value: number, digits = 2) => Math.round(value * 10 ** digits) / 10 ** digits;

function summarizeTarget(results: readonly TargetResult[]): TargetSummary {
  const med = (pick: (result: TargetResult) => number, digits = 2) =>
    round(median(results.map(pick)), digits);
  const perGroup = (pick: (result: TargetResult) => Record<string, number>) =>
    Object.fromEntries(
      Object.keys(pick(results[0]!)).map((name) => [name, med((result) => pick(result)[name] ?? 0, 1)]),
    );
  const sumOf = (pick: (result: TargetResult) => Record<string, number>) => {
    const total: Record<string, number> = {};
    for (const result of results) {
      for (const [key, count] of Object.entries(pick(result))) total[key] = (total[key] ?? 0) + count;
    }
    return total;
  };
  return {
    rps: med((result) => result.load.rps, 0),
    p50: med((result) => result.load.latency.p50),
    p99: med((result) => result.load.latency.p99),
    max: med((result) => result.load.latency.max),
    autocannonP99: med((result) => result.load.autocannon.p99),
    errorRate: med((result) => result.errorRate, 6),
    statuses: sumOf((result) => result.load.statuses),
    codes: sumOf((result) => result.load.codes),
    timeouts: results.reduce((sum, result) => sum + result.load.timeouts, 0),
    cpu: perGroup((result) => result.cpu),
    cpuUsPerAnswer: perGroup((result) => result.cpuUsPerAnswer),
    serverCpuUsPerAnswer: med((result) => result.serverCpuUsPerAnswer, 1),
    verdict: results.every((result) => result.verdict.ok) ? 'PASS' : 'FAIL',
    created: results.reduce((sum, result) => sum + result.verdict.created, 0),
    reservedEvents: results.reduce((sum, result) => sum + result.verdict.reservedEvents, 0),
    lost: results.reduce((sum, result) => sum + result.verdict.lost, 0),
    perRun: results.map((result) => ({
      rps: result.load.rps,
      p99: result.load.latency.p99,
      verdict: result.verdict.ok,
      serverCpuUsPerAnswer: result.serverCpuUsPerAnswer,
      ...(result.load.wrk?.paced ? { paced: result.load.wrk.paced } : {}),
    })),
  };
}

/**
 * Medians over runs, per scenario and load generator (statuses, codes and counts summed over runs);
 * each endpoint compared with the baseline measured under the same generator in the same runs.
 */
export function summarize(runs: readonly ScenarioRun[]): ScenarioSummary[] {
  const generatorOf = (run: ScenarioRun) => run.generator ?? 'autocannon';
  const keys = [...new Set(runs.map((run) => `${run.scenario} ${generatorOf(run)}`))];
  return keys.map((key) => {
    const mine = runs.filter((run) => `${run.scenario} ${generatorOf(run)}` === key);
    const first = mine[0]!;
    const endpoint = summarizeTarget(mine.map((run) => run.endpoint));
    const paired = mine.flatMap((run) =>
      run.baseline ? [{ endpoint: run.endpoint, baseline: run.baseline }] : [],
    );
    const baseline = paired.length > 0 ? summarizeTarget(paired.map((pair) => pair.baseline)) : undefined;
    const ratios = baseline
      ? {
          ratioToBaseline: round(endpoint.rps / baseline.rps),
          cpuRatio: round(endpoint.serverCpuUsPerAnswer / baseline.serverCpuUsPerAnswer),
          perRunRatios: paired.map((pair) => ({
            rps: round(pair.endpoint.load.rps / pair.baseline.load.rps),
            cpu: round(pair.endpoint.serverCpuUsPerAnswer / pair.baseline.serverCpuUsPerAnswer),
          })),
        }
      : {};
    const summary = {
      scenario: first.scenario,
      generator: generatorOf(first),
      summary: scenarios[first.scenario].summary,
      parameters: first.parameters,
      endpoint,
      ...(baseline ? { baseline } : {}),
      ...ratios,
      ...(first.parameters.rateOfBaselineMax === undefined
        ? {}
        : { offeredPerRun: mine.map((run) => run.parameters.overallRate ?? Number.NaN) }),
    };
    return { ...summary, targets: checkTargets(summary) };
  });
}
