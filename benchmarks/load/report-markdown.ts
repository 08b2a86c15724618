import type { WrkPacing } from './load-plan';
import type { ScenarioSummary, TargetSummary } from './report';

const round = (value: number, digits = 2) => Math.round(value * 10 ** digits) / 10 ** digits;
const percent = (value: number) => `${round(value * 100, 3)}%`;
const counts = (record: Record<string, number>) =>
  Object.entries(record)
    .map(([key, count]) => `${key}: ${count.toLocaleString('en-US')}`)
    .join(', ') || '—';
const optional = (value: number | undefined) => (value === undefined ? '' : `${value}`);
const late = (paced: WrkPacing | undefined) =>
  paced
    ? `, ${paced.late.toLocaleString('en-US')} of ${paced.sends.toLocaleString('en-US')} sent > ${paced.lateMs} ms late (worst ${paced.maxLateMs} ms)`
    : '';

/** Invariants first (PASS/FAIL), then the scenario's targets: met, or which were missed by how much. */
export function verdictText(target: TargetSummary, scenario?: ScenarioSummary): string {
  if (!scenario || scenario.targets.length === 0) return target.verdict;
  const missed = scenario.targets.filter((check) => !check.ok);
  if (missed.length === 0) return `${target.verdict} · targets met`;
  return `${target.verdict} · missed: ${missed.map((check) => `${check.target} (${check.value})`).join('; ')}`;
}

function row(scenario: ScenarioSummary, name: string, target: TargetSummary, ratios: string[]): string {
  const cpu = Object.entries(target.cpu)
    .map(([process, value]) => {
      const us = target.cpuUsPerAnswer[process];
      return `${process} ${value}%${us === undefined || Number.isNaN(us) ? '' : ` (${us} µs)`}`;
    })
    .join(', ');
  const verdict = verdictText(target, name === 'endpoint' ? scenario : undefined);
  return (
    `| ${scenario.scenario} | ${scenario.generator} | ${name} | **${target.rps.toLocaleString('en-US')}** | ` +
    `${target.p50} | ${target.p99} | ${target.max} | ${percent(target.errorRate)} | ${counts(target.statuses)} | ` +
    `${counts(target.codes)} | ${target.serverCpuUsPerAnswer} | ${cpu} | ${verdict} | ${ratios.join(' | ')} |`
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
    `**Machine**: ${machine.cpu}, ${machine.memory}, ${machine.os}; Node ${machine.node}; ${machine.database}; ${machine.loadGenerator}.`,
    `**Date**: ${machine.date}. **Command**: \`${command}\`.`,
    `**Parameters**: \`${JSON.stringify(parameters)}\``,
    '',
    'Medians of the runs (statuses, codes summed over runs). Latency in ms of every answer as the load',
    "generator saw it, from the request's actual send (wrk: its histogram with wrk's coordinated-omission",
    'correction undone). At an offered rate autocannon sends with `overallRate` and wrk is paced by its',
    'script; paced requests sent late (every connection of a wrk thread busy, or wrk short of CPU) are',
    'counted in the per-run lines: that wait is not in their latency. CPU in % of one core over the load',
    '(200% = both cores) and, in brackets and in the "server CPU" column, µs of CPU per 2xx/409 answer.',
    "Error rate: non-2xx other than the scenario's expected rejections, plus connection errors and timeouts.",
    "Verdict: the invariant checks (PASS/FAIL), then the scenario's targets of issue 13. Ratios: endpoint ÷",
    'the baseline measured under the same load generator in the same runs (req/s; server CPU per answer).',
    '',
    '| scenario | generator | target | req/s | p50 | p99 | max | errors | statuses | error codes | server CPU µs/answer | CPU | verdict | ratio | CPU ratio |',
    '|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|',
  ];
  for (const scenario of summaries) {
    if (scenario.baseline) lines.push(row(scenario, 'baseline', scenario.baseline, ['', '']));
    const ratios = [optional(scenario.ratioToBaseline), optional(scenario.cpuRatio)];
    lines.push(row(scenario, 'endpoint', scenario.endpoint, ratios));
  }
  lines.push('', 'Per run (req/s / p99 ms / server CPU µs per answer / verdict; endpoint ÷ baseline):', '');
  for (const scenario of summaries) {
    for (const [name, target] of [
      ['baseline', scenario.baseline],
      ['endpoint', scenario.endpoint],
    ] as const) {
      if (!target) continue;
      const runs = target.perRun.map((run, index) => {
        const ratio = name === 'endpoint' ? scenario.perRunRatios?.[index] : undefined;
        const figures = `${run.rps} / ${run.p99} / ${run.serverCpuUsPerAnswer} µs / ${run.verdict ? 'pass' : 'FAIL'}${late(run.paced)}`;
        return ratio ? `${figures} (req/s ${ratio.rps}, CPU ${ratio.cpu})` : figures;
      });
      lines.push(`- ${scenario.scenario} ${scenario.generator} ${name}: ${runs.join(' · ')}`);
    }
  }
  const checked = summaries.filter((scenario) => scenario.targets.length > 0);
  if (checked.length > 0) {
    lines.push('', "Issue 13's targets (medians of the endpoint's runs):", '');
    lines.push('| scenario | generator | target | measured | result |', '|---|---|---|---|---|');
    for (const scenario of checked) {
      for (const check of scenario.targets) {
        const result = check.ok ? 'met' : `**missed** by ${check.missedBy}`;
        lines.push(
          `| ${scenario.scenario} | ${scenario.generator} | ${check.target} | ${check.value} | ${result} |`,
        );
      }
    }
  }
  lines.push('', 'Scenarios:', '');
  for (const scenario of summaries) {
    const offered = scenario.offeredPerRun
      ? `; offered per run: ${scenario.offeredPerRun.join(' · ')} req/s`
      : '';
    lines.push(
      `- **${scenario.scenario}** (${scenario.generator}): ${scenario.summary} (${JSON.stringify(scenario.parameters)}${offered})`,
    );
  }
  return `${lines.join('\n')}\n`;
}
