import type { RushResult } from './run-rush';
import type { VariantResult } from './run-variant';
import { throughputFollowers, type ThroughputResult } from './throughput';

const number = (value: number) => value.toLocaleString('en-US');
const counts = (record: Record<string, number>) =>
  Object.entries(record)
    .map(([key, count]) => `${key}: ${number(count)}`)
    .join(', ') || '—';

function variantSection(result: VariantResult): string[] {
  const { rush } = result;
  const { load } = rush;
  const verdict = result.verdicts.rush;
  const passed = Object.values(result.verdicts).every((entry) => entry.ok);
  const lines = [
    `## ${result.variant}`,
    '',
    `${result.summary}.`,
    '',
    `- **Offered** ${number(result.rate)} reservations/s (${result.rateSource}` +
      (result.max ? `: ${number(result.max.rps)}/s, p99 ${result.max.p99} ms` : '') +
      `) for ${rush.loadSeconds} s; **achieved** ${number(load.rps)}/s, ${number(load.requests)} answers.`,
    `- **Reserve latency** (ms, every answer): p50 ${load.latency.p50}, p90 ${load.latency.p90}, ` +
      `p99 ${load.latency.p99}, max ${load.latency.max}; statuses ${counts(load.statuses)}; ` +
      `error codes ${counts(load.codes)}; connection errors ${load.errors}, timeouts ${load.timeouts}.`,
    `- **Verdict** ${passed ? 'PASS' : 'FAIL'}: 201s ${number(verdict.created)} = BookingReserved ` +
      `${number(verdict.reservedEvents)} (lost ${verdict.lost}), within capacity ${verdict.withinCapacity}, ` +
      `Redis counters match ${verdict.countersMatch}` +
      (result.verdicts.max ? `; the max phase's sale ${result.verdicts.max.ok ? 'PASS' : 'FAIL'}` : '') +
      '.',
    `- **Followers** ${result.allCaughtUp ? `all caught up ${rush.caughtUpSeconds} s after the load stopped` : 'NOT all caught up within the wait'}.`,
    `- **Log** appended ${number(rush.appended.average)} events/s during the load (peak ${number(rush.appended.peak)}); ` +
      `**bus** published ${number(rush.published.average)} messages/s (peak ${number(rush.published.peak)}, ${number(rush.published.total)} in all).`,
    `- **Saga scheduled commands**: peak pending ${number(rush.sagaCommands.peakPending)}, peak due ` +
      `${number(rush.sagaCommands.peakDue)}; at the end ${number(rush.sagaCommands.pendingAtEnd)} pending, ` +
      `${number(rush.sagaCommands.dueAtEnd)} due.`,
    `- Mails received by the loopback SMTP server: ${result.mailsReceived}.`,
    '',
    '| follower | max lag (events) | max lag (s) | lag at stop (events) | caught up after stop (s) |',
    '|---|---|---|---|---|',
  ];
  for (const follower of rush.followers) {
    const seconds = `${follower.lagSecondsLowerBound ? '≥ ' : ''}${follower.maxLagSeconds}`;
    const caughtUp =
      follower.catchUpSeconds === undefined ? '**not caught up**' : `${follower.catchUpSeconds}`;
    lines.push(
      `| ${follower.name} | ${number(follower.maxLagEvents)} | ${seconds} | ${number(follower.lagAtStop)} | ${caughtUp} |`,
    );
  }
  lines.push(
    '',
    '| process | CPU during the load (% of a core) | from start until caught up | CPU µs per reservation |',
    '|---|---|---|---|',
  );
  for (const [name, during] of Object.entries(rush.cpuDuringLoad)) {
    lines.push(
      `| ${name} | ${during} | ${rush.cpuUntilCaughtUp[name] ?? '—'} | ${number(rush.cpuMicrosecondsPerReservation[name] ?? 0)} |`,
    );
  }
  return lines;
}

function throughputSection(result: ThroughputResult): string[] {
  const baseline = result.medianEventsPerSecond[throughputFollowers[0]] ?? Number.NaN;
  const lines = [
    '## Saga and relay throughput from position 0',
    '',
    `${number(result.parameters.events)} reservations (one \`BookingReserved\` per booking stream) in a fresh ` +
      `PostgreSQL log; each follower alone from position 0 until it has processed the head, batches of ` +
      `${result.parameters.batchSize}; ${result.parameters.runs} run(s), medians.`,
    '',
    '| follower | median (log events/s) | runs | ratio to baseline | CPU µs per event (median run) |',
    '|---|---|---|---|---|',
  ];
  for (const name of throughputFollowers) {
    const rates = result.runs.map((run) => run.followers[name]?.eventsPerSecond ?? Number.NaN);
    const medianRate = result.medianEventsPerSecond[name] ?? Number.NaN;
    const middle = [...result.runs].sort(
      (a, b) => (a.followers[name]?.eventsPerSecond ?? 0) - (b.followers[name]?.eventsPerSecond ?? 0),
    )[Math.floor(result.runs.length / 2)];
    const cpu = Object.entries(middle?.followers[name]?.cpuMicrosecondsPerEvent ?? {})
      .filter(([group]) => !group.startsWith('machine') && !group.startsWith('rest'))
      .map(([group, micros]) => `${group} ${micros}`)
      .join(', ');
    lines.push(
      `| ${name} | **${number(medianRate)}** | ${rates.map(number).join(' · ')} | ${(medianRate / baseline).toFixed(2)} | ${cpu} |`,
    );
  }
  return lines;
}

export function toMarkdown(
  machine: Record<string, string>,
  command: string,
  parameters: Record<string, unknown>,
  result: RushResult,
): string {
  const lines = [
    '# Rush with every role running',
    '',
    `**Machine**: ${machine.cpu}, ${machine.memory}, ${machine.os}; Node ${machine.node}; ${machine.services}.`,
    `**Date**: ${machine.date}. **Command**: \`${command}\`.`,
    `**Parameters**: \`${JSON.stringify(parameters)}\``,
    '',
    'Lag (README): from the oldest event a follower reads and has not processed: in events, the log from',
    'it to the head (messages not consumed, for bus groups); in seconds, how long ago it was appended',
    "(for Kafka groups: until the group's committed offsets passed the end offsets it was behind).",
    '',
  ];
  for (const variant of result.variants) lines.push(...variantSection(variant), '');
  if (result.throughput) lines.push(...throughputSection(result.throughput), '');
  return `${lines.join('\n')}`;
}
