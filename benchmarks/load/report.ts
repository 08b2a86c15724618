import { median } from '../shared';
import type { ScenarioRun, TargetResult } from './harness';
import { scenarios, type ScenarioName } from './scenarios';

export type TargetSummary = {
  rps: number;
  p50: number;
  p99: number;
  max: number;
  /** autocannon's p99 (1 ms steps, corrected for coordinated omission in rate mode). */
  autocannonP99: number;
  errorRate: number;
  statuses: Record<string, number>;
  codes: Record<string, number>;
  timeouts: number;
  cpu: Record<string, number>;
  /** Every run's verdict passed. */
  verdict: 'PASS' | 'FAIL';
  created: number;
  reservedEvents: number;
  lost: number;
  perRun: { rps: number; p99: number; verdict: boolean }[];
};

export type ScenarioSummary = {
  scenario: ScenarioName;
  summary: string;
  parameters: ScenarioRun['parameters'];
  endpoint: TargetSummary;
  baseline?: TargetSummary;
  /** endpoint RPS / baseline RPS (medians); for rate scenarios both may simply meet the offered rate. */
  ratioToBaseline?: number;
};

const round = (value: number, digits = 2) => Math.round(value * 10 ** digits) / 10 ** digits;

function summarizeTarget(results: readonly TargetResult[]): TargetSummary {
  const med = (pick: (result: TargetResult) => number, digits = 2) =>
    round(median(results.map(pick)), digits);
  const cpu: Record<string, number> = {};
  for (const name of Object.keys(results[0]!.cpu)) cpu[name] = med((result) => result.cpu[name] ?? 0, 1);
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
    cpu,
    verdict: results.every((result) => result.verdict.ok) ? 'PASS' : 'FAIL',
    created: results.reduce((sum, result) => sum + result.verdict.created, 0),
    reservedEvents: results.reduce((sum, result) => sum + result.verdict.reservedEvents, 0),
    lost: results.reduce((sum, result) => sum + result.verdict.lost, 0),
    perRun: results.map((result) => ({
      rps: result.load.rps,
      p99: result.load.latency.p99,
      verdict: result.verdict.ok,
    })),
  };
}

/** Medians over runs, per scenario and target (statuses, codes and counts are summed over runs). */
export function summarize(runs: readonly ScenarioRun[]): ScenarioSummary[] {
  const names = [...new Set(runs.map((run) => run.scenario))];
  return names.map((name) => {
    const mine = runs.filter((run) => run.scenario === name);
    const endpoint = summarizeTarget(mine.map((run) => run.endpoint));
    const baselines = mine.flatMap((run) => (run.baseline ? [run.baseline] : []));
    const baseline = baselines.length > 0 ? summarizeTarget(baselines) : undefined;
    return {
      scenario: name,
      summary: scenarios[name].summary,
      parameters: mine[0]!.parameters,
      endpoint,
      ...(baseline ? { baseline, ratioToBaseline: round(endpoint.rps / baseline.rps) } : {}),
    };
  });
}

const percent = (value: number) => `${round(value * 100, 3)}%`;
const counts = (record: Record<string, number>) =>
  Object.entries(record)
    .map(([key, count]) => `${key}: ${count.toLocaleString('en-US')}`)
    .join(', ') || '—';

function row(scenario: ScenarioSummary, name: string, target: TargetSummary, ratio: string): string {
  const cpu = Object.entries(target.cpu)
    .map(([process, value]) => `${process} ${value}%`)
    .join(', ');
  return (
    `| ${scenario.scenario} | ${name} | **${target.rps.toLocaleString('en-US')}** | ${target.p50} | ${target.p99} | ` +
    `${target.max} | ${percent(target.errorRate)} | ${counts(target.statuses)} | ${counts(target.codes)} | ${cpu} | ` +
    `${target.verdict} | ${ratio} |`
  );
}

export function toMarkdown(
  machine: Record<string, string>,
  parameters: Record<string, unknown>,
  command: string,
  summaries: readonly ScenarioSummary[],
): string {
  const lines = [
    '# Load benchmark: `POST /api/v1/bookings`',
    '',
    `**Machine**: ${machine.cpu}, ${machine.memory}, ${machine.os}; Node ${machine.node}; ${machine.database}.`,
    `**Date**: ${machine.date}. **Command**: \`${command}\`.`,
    `**Parameters**: \`${JSON.stringify(parameters)}\``,
    '',
    'Medians of the runs (statuses, codes summed over runs). Latency in ms, measured by the load generator',
    'for every answer. CPU in % of one core over the load (200% = both cores). Error rate: non-2xx',
    "other than the scenario's expected rejections, plus connection errors and timeouts.",
    '',
    '| scenario | target | req/s | p50 | p99 | max | errors | statuses | error codes | CPU | verdict | ratio |',
    '|---|---|---|---|---|---|---|---|---|---|---|---|',
  ];
  for (const scenario of summaries) {
    if (scenario.baseline) lines.push(row(scenario, 'baseline', scenario.baseline, ''));
    const ratio = scenario.ratioToBaseline === undefined ? '' : `${scenario.ratioToBaseline}`;
    lines.push(row(scenario, 'endpoint', scenario.endpoint, ratio));
  }
  lines.push('', 'Per run (req/s, p99 ms, verdict):', '');
  for (const scenario of summaries) {
    for (const [name, target] of [
      ['baseline', scenario.baseline],
      ['endpoint', scenario.endpoint],
    ] as const) {
      if (!target) continue;
      const runs = target.perRun.map((run) => `${run.rps} / ${run.p99} / ${run.verdict ? 'pass' : 'FAIL'}`);
      lines.push(`- ${scenario.scenario} ${name}: ${runs.join(' · ')}`);
    }
  }
  lines.push('', 'Scenarios:', '');
  for (const scenario of summaries) {
    lines.push(`- **${scenario.scenario}**: ${scenario.summary} (${JSON.stringify(scenario.parameters)})`);
  }
  return `${lines.join('\n')}\n`;
}
