import type { LatencySummary } from '../load/latency';
import type { LoadResult } from '../load/load-plan';
import type { QueueOptions } from './options';
import type { RequestFigures } from './request-stats';
import type { QueueResult } from './run-queue';

const n = (value: number | null | undefined) =>
  value === null || value === undefined || Number.isNaN(value) ? '–' : value.toLocaleString('en-US');
const share = (part: number, whole: number) =>
  whole > 0 ? `${Math.round((part / whole) * 1000) / 10} %` : '–';
const codes = (counts: Record<string, number>) =>
  Object.keys(counts).length === 0
    ? 'none'
    : Object.entries(counts)
        .sort((a, b) => b[1] - a[1])
        .map(([code, count]) => `${code} ${n(count)}`)
        .join(', ');
const advice = (counts: Record<string, number>) =>
  Object.entries(counts)
    .sort((a, b) => Number(a[0]) - Number(b[0]))
    .map(([seconds, count]) => `${seconds}: ${n(count)}`)
    .join(', ') || 'none';
const errorCount = (figures: RequestFigures) =>
  Object.values(figures.errors).reduce((sum, count) => sum + count, 0);
const latencyCells = (latency: LatencySummary) =>
  `${n(latency.p50)} | ${n(latency.p90)} | ${n(latency.p99)} | ${n(latency.max)}`;

function requestRow(name: string, figures: RequestFigures): string {
  return (
    `| ${name} | ${n(figures.sent)} | ${n(figures.answered)} | ${n(figures.throughput.meanPerSecond)} | ` +
    `${n(figures.throughput.peakSecond)} | ${latencyCells(figures.latency)} | ${n(errorCount(figures))} |`
  );
}

function probeRow(name: string, load: LoadResult): string {
  const created = load.statuses['201'] ?? 0;
  return (
    `| ${name} | ${n(load.rps)} | ${latencyCells(load.latency)} | ${n(load.requests - created + load.timeouts + load.errors)} ` +
    `(${codes(load.codes)}) |`
  );
}

/** The run's tables, printed and written beside the JSON. */
export function queueMarkdown(
  machine: Record<string, string>,
  command: string,
  options: QueueOptions,
  result: QueueResult,
): string {
  const { storm, admission, memory, probe } = result;
  const status = storm.status;
  const reads = status.answered;
  const joinedShare = share(storm.joined, options.buyers);
  const lines: string[] = [];
  const push = (...more: string[]) => lines.push(...more);
  push(
    '# Waiting room under a join storm (`bench:queue`)',
    '',
    `**Machine**: ${machine.cpu}, ${machine.memory}, ${machine.os}; Node ${machine.node}. **Date**: ${machine.date}.`,
    '',
    `**The load generator shares the machine's cores with the server**: the storm (every join, status read and`,
    `hold, one Node process with keep-alive connections: this harness) and the probe (wrk in a process of its own)`,
    `run on the same ${machine.cpu?.split(' × ')[1] ?? ''} cores as the server${options.mode === 'redis' ? ', Redis and PostgreSQL' : ''}. Every figure is measured with them`,
    `competing for the CPU; the CPU table below says how much each took.`,
    '',
    '```sh',
    command,
    '```',
    '',
    `**Server**: the \`start\` role, ${result.storage}. **Storm**: ${n(options.buyers)} buyers join within`,
    `${options.joinSeconds} s (open loop, evenly spread; the pre-queue opens at the first join, the sale starts`,
    `${options.prequeueSeconds} s later), then each reads its status ${options.statusEverySeconds} s after its last answer`,
    `(\`If-None-Match\`, no long poll) until admitted; ${Math.round(options.holdShare * 100)} % of the admitted hold one seat`,
    `with their \`Queue-Pass\`. ${options.durationSeconds} s from the first join, ${options.connections} connections,`,
    `${options.ownAddresses ? 'each buyer its own address (`X-Forwarded-For`, one trusted proxy hop)' : 'every buyer from 127.0.0.1'}.`,
    `Room: ${n(result.setup.room.admissionPerMinute)} admitted a minute, at most ${n(result.setup.room.maxInside)} inside,`,
    `passes for ${result.setup.room.passLifetimeSeconds} s. Tokens minted with the server's secret in ${result.setup.mintSeconds} s.`,
    '',
    '## Requests of the storm',
    '',
    'Latency in ms, from the call to the last byte, the wait for a free connection included.',
    '',
    '| request | sent | answered | mean/s | busiest second | p50 | p90 | p99 | max | errors |',
    '|---|---|---|---|---|---|---|---|---|---|',
    requestRow('join `POST /events/:id/queue`', storm.joins),
    requestRow('status `GET /events/:id/queue`', status),
    requestRow('hold `POST /bookings` with `Queue-Pass`', storm.holds),
    '',
    `- **Status reads**: ${share(status.statuses['304'] ?? 0, reads)} answered 304, ${share(status.statuses['200'] ?? 0, reads)} 200` +
      ` (p99 ${n(status.latencyByStatus['304']?.p99)} ms and ${n(status.latencyByStatus['200']?.p99)} ms).` +
      ` \`pollAfterSeconds\` advised (seconds: answers): ${advice(storm.pollAfterSeconds)}.`,
    `- **Errors**: joins ${codes(storm.joins.errors)}; reads ${codes(status.errors)}; holds ${codes(storm.holds.errors)}.`,
    `- **Joins**: ${n(storm.joined)} buyers in line (${joinedShare}), ${n(storm.joinRetries)} joins sent again;` +
      ` the last join answered ${storm.joinsSettledAt === null ? 'never (not all joined)' : `${n(Math.round(storm.joinsSettledAt / 100) / 10)} s after the first`}.` +
      ` Throughput over ${storm.joins.throughput.seconds} s from the first join to the last answer.`,
    `- **Buyers' last state**: ${codes(storm.finalStates)}. Holds answered 201: ${n(storm.holds.statuses['201'] ?? 0)};` +
      ` seats held in the storm's zone afterwards: ${n(result.stormZone?.held)}.`,
    `- **Unanswered** when the storm ended: ${n(storm.unanswered)}.`,
    '',
    '## Admission against the target',
    '',
    ...admissionLines(admission, options),
    liveViewLine(result, options),
    '',
    '## Server memory',
    '',
    '| moment | RSS MiB | peak RSS MiB | heap used MiB | heap total MiB | external MiB | full GC ms |',
    '|---|---|---|---|---|---|---|',
    ...(
      [
        ['before the storm (after a full GC)', memory.before],
        [`all joins answered (${n(memory.buyersInLineAfterJoins)} in line; no GC)`, memory.afterJoins],
        ['after the storm (after a full GC)', memory.after],
      ] as const
    ).map(([name, reading]) =>
      reading
        ? `| ${name} | ${n(reading.rssMiB)} | ${n(reading.peakRssMiB)} | ${n(reading.heapUsedMiB)} | ${n(reading.heapTotalMiB)} | ${n(reading.externalMiB)} | ${n(reading.gcMs)} |`
        : `| ${name} | – | – | – | – | – | – |`,
    ),
    '',
    memoryPerBuyer(result, storm.joined),
    ...(memory.redisUsedMiB
      ? [
          '',
          `Redis \`used_memory\`: ${n(memory.redisUsedMiB.before)} MiB before, ${n(memory.redisUsedMiB.afterJoins)} MiB when all` +
            ` had joined, ${n(memory.redisUsedMiB.after)} MiB after the storm.`,
        ]
      : []),
    '',
    '## The hold path beside the storm',
    '',
    `One-seat holds on another event, without a waiting room, paced by wrk at ${probe.rate}/s over` +
      ` ${options.probe.connections} connections, a distinct buyer each: first alone for ${options.probe.baselineSeconds} s,` +
      ` then for the whole storm (started up to 3 s before its first join, ended 1 s after its last send). Latency in ms.`,
    '',
    '| probe | answers/s | p50 | p90 | p99 | max | not 201 |',
    '|---|---|---|---|---|---|---|',
    probeRow('before the storm', probe.baseline),
    probeRow('during the storm', probe.duringStorm),
    '',
    `p99 during the storm ÷ before: **${n(probe.p99Ratio)}**.` +
      ` The storm's own holds (with a pass): p50 ${n(storm.holds.latency.p50)} ms, p99 ${n(storm.holds.latency.p99)} ms.`,
    '',
    `## CPU during the storm (% of one core, ${result.cpuSeconds} s)`,
    '',
    '| process | CPU |',
    '|---|---|',
    ...Object.entries(result.cpu).map(([name, percent]) => `| ${name} | ${n(percent)} % |`),
    '',
    '## The load generator itself',
    '',
    `- Actions started late (after their time, 5 ms slots): p50 ${n(storm.generator.scheduleLag.p50)} ms,` +
      ` p99 ${n(storm.generator.scheduleLag.p99)} ms, max ${n(storm.generator.scheduleLag.max)} ms.`,
    `- Its event loop's delay: p99 ${n(storm.generator.eventLoopDelay.p99)} ms, max ${n(storm.generator.eventLoopDelay.max)} ms.`,
    `- Status reads waiting for a free connection (every one of the ${options.connections} busy): p50` +
      ` ${n(status.connectionWait.p50)} ms, p99 ${n(status.connectionWait.p99)} ms: time counted in their latency.`,
  );
  return `${lines.join('\n')}\n`;
}

function admissionLines(admission: QueueResult['admission'], options: QueueOptions): string[] {
  const { fromLog, fromStatus, waitEstimates, finalView } = admission;
  const estimates = finalView?.estimates;
  return [
    `Target **${n(fromLog.targetPerMinute)} a minute**. From the log (\`BuyersAdmitted\` on \`waiting-room-<eventId>\`),` +
      ` over the ${n(fromLog.windowSeconds)} s from the sale's start to the storm's end:`,
    '',
    `- Achieved **${n(fromLog.achievedPerMinute)} a minute** (${n(fromLog.admitted)} admitted in ${n(fromLog.batches)} steps);` +
      ` from 10 s after the first admission to the last: **${n(fromLog.steadyPerMinute)} a minute**.`,
    `- Shuffle ${n(fromLog.shuffleLagSeconds)} s after the configured sale start, ${n(fromLog.prequeued)} in the pre-queue;` +
      ` the first step, at ${n(fromLog.firstBatch?.atSeconds)} s, let in ${n(fromLog.firstBatch?.buyers)};` +
      ` within 10 s of it ${n(fromLog.firstTenSeconds?.admitted)} were let in (the target's 10 s: ${n(fromLog.firstTenSeconds?.target)}).`,
    stepDelayLine(fromLog),
    `- Per whole minute: ${fromLog.perMinute.map(n).join(', ') || '– (shorter than a minute)'}; per 10 s: ${fromLog.perTenSeconds.map(n).join(', ')}.`,
    `- Seen by the buyers (first read answering \`admitted\`, late by up to ${options.statusEverySeconds} s and the read):` +
      ` ${n(fromStatus.admitted)}, ${n(fromStatus.achievedPerMinute)} a minute; per 10 s ${fromStatus.perTenSeconds.map(n).join(', ')}.`,
    `- Promised waits (the first \`waitSeconds\` with a place) against the wait had, admitted buyers: ${n(waitEstimates.samples)}` +
      ` samples, median error ${n(waitEstimates.medianErrorSeconds)} s, ${waitEstimates.withinTwentyPercent === null ? '–' : share(waitEstimates.withinTwentyPercent, 1)} within 20 %.` +
      ` The room's own figures at the end: ${n(estimates?.samples)} samples, median error ${n(estimates?.medianErrorSeconds)} s,` +
      ` ${typeof estimates?.withinTwentyPercent === 'number' ? share(estimates.withinTwentyPercent, 1) : '–'} within 20 %; waiting ${n(finalView?.waiting)}, inside ${n(finalView?.inside)},` +
      ` admitted in the last minute ${n(finalView?.admittedLastMinute)}.`,
  ];
}

/** How long after the worker decided a step the log stored it (the passes are granted after that). */
function stepDelayLine(fromLog: QueueResult['admission']['fromLog']): string {
  const delays = fromLog.steps
    .filter((step) => step.decided !== undefined)
    .map((step) => step.at - step.decided!)
    .sort((a, b) => a - b);
  if (fromLog.steps.length === 0) return '- No admission step in the log.';
  const gaps = fromLog.steps.slice(1).map((step, index) => step.at - fromLog.steps[index]!.at);
  const round = (value: number) => n(Math.round(value * 100) / 100);
  return (
    (delays.length === 0
      ? '- Admission steps'
      : `- Admission steps stored a median ${round(delays[delays.length >> 1]!)} s and at most` +
        ` ${round(delays.at(-1)!)} s after the worker decided them;`) +
    ` the longest gap between two steps ${round(Math.max(0, ...gaps))} s (every step is in the JSON).`
  );
}

function liveViewLine(result: QueueResult, options: QueueOptions): string {
  const times = result.roomSamples.map((sample) => sample.ms).sort((a, b) => a - b);
  const failed = result.roomSamples.filter((sample) => 'error' in sample).length;
  return (
    `- The live view (\`GET /events/:id/waiting-room\`, read every ${options.roomSampleSeconds} s as the organizer's page does;` +
    ` it replays the queue's stream): ${n(times.length)} reads, median ${n(times[times.length >> 1])} ms,` +
    ` max ${n(times.at(-1))} ms${failed > 0 ? `, ${failed} failed` : ''}.`
  );
}

function memoryPerBuyer(result: QueueResult, joined: number): string {
  const { before, afterJoins, after } = result.memory;
  const perBuyer = (from: number, to: number) =>
    joined > 0 ? Math.round(((to - from) * 2 ** 20) / joined) : Number.NaN;
  return (
    `For the ${n(joined)} buyers in line: heap +${n(Math.round((after.heapUsedMiB - before.heapUsedMiB) * 10) / 10)} MiB` +
    ` after a full GC (${n(perBuyer(before.heapUsedMiB, after.heapUsedMiB))} bytes a buyer), RSS` +
    ` +${n(Math.round((after.rssMiB - before.rssMiB) * 10) / 10)} MiB (${n(perBuyer(before.rssMiB, after.rssMiB))} bytes a buyer);` +
    ` RSS peaked at ${n(Math.max(after.peakRssMiB, afterJoins?.peakRssMiB ?? 0))} MiB. The heap holds more than the line:` +
    ' the token cache (a verified token per buyer, up to 100,000), idempotency answers and holds of the run.'
  );
}
