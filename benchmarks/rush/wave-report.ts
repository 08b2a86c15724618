import type { LoadRun, WaveVariantResult } from './run-wave-variant';
import { waveProblems, type WaveRunResult } from './run-wave';
import type { Spread } from './wave-analysis';

const number = (value: number) => value.toLocaleString('en-US');
const seconds = (ms: number) => Math.round(ms) / 1000;
/** Seconds after (+) or before (−) a moment. */
const offset = (ms: number) => `${ms < 0 ? '−' : '+'}${seconds(Math.abs(ms))}`;
const counts = (record: Record<string, number>) =>
  Object.entries(record)
    .map(([key, count]) => `${key}: ${number(count)}`)
    .join(', ') || '—';
const orNever = (value: number | undefined, what = 'never') =>
  value === undefined ? `**${what}**` : `${value}`;
const spreadCells = (value: Spread | undefined) =>
  value ? `${value.p50} | ${value.p99} | ${value.max}` : '— | — | —';

function probeRow(label: string, run: LoadRun, origin: number): string {
  const { load } = run;
  const { latency } = load;
  return (
    `| ${label} | ${offset(run.started - origin)} … ${offset(run.stopped - origin)} s | ${number(load.requests)} | ` +
    `${latency.p50} | ${latency.p90} | ${latency.p99} | ${latency.max} | ${counts(load.statuses)}` +
    `${load.errors + load.timeouts > 0 ? `; ${load.errors} errors, ${load.timeouts} timeouts` : ''} |`
  );
}

function variantSection(result: WaveVariantResult, ttlSeconds: number, graceMs: number): string[] {
  const { placement, expiry, mails, checks, sagaDue, window } = result;
  const origin = placement.started;
  const problems = waveProblems(result);
  const notifierLag = result.followers.find((follower) => follower.name === 'notifier');
  const lines = [
    `## ${result.variant}`,
    '',
    `${result.summary}.`,
    '',
    `- **Holds**: ${number(placement.load.created)} one-seat holds, offered at ${number(result.offeredRate)}/s, ` +
      `placed at ${number(Math.round(placement.load.requests / seconds(placement.stopped - placement.started)))}/s ` +
      `(${seconds(placement.stopped - placement.started)} s; p99 ${placement.load.latency.p99} ms; statuses ${counts(placement.load.statuses)}) ` +
      `by ${number(result.accounts.buyers)} buyer accounts (registered through the identity deciders in ${result.accounts.seconds} s); ` +
      `TTL ${ttlSeconds} s, saga grace ${graceMs / 1000} s; nobody pays.`,
    `- **Came due** from ${offset(window.firstDue - origin)} s to ${offset(window.lastDue - origin)} s after the placement started ` +
      `(spread ${seconds(window.lastDue - window.firstDue)} s).`,
    `- **Outcome** ${problems.length === 0 ? 'PASS' : `FAIL (${problems.join('; ')})`}: BookingExpired ${number(checks.expired)} of ${number(checks.reserved)}; ` +
      `expiry mails ${number(mails.once)} exactly once, ${number(mails.missing)} missing, ${number(mails.duplicated)} more than once ` +
      `(${number(mails.otherExpiryMails)} more for the probe's holds, ${number(mails.otherMails)} other mails); saga commands left due ${checks.dueCommandsLeft}; ` +
      `failed notifications ${checks.failedNotifications ?? 'unknown'}; invariant: wave sale ${checks.verdicts.wave.ok ? 'PASS' : 'FAIL'}, probe sale ${checks.verdicts.probe.ok ? 'PASS' : 'FAIL'}.`,
    `- **Sampling ended** ${seconds(window.end - window.lastDue)} s after the last hold came due, ` +
      (result.drained
        ? 'once the probe had finished, every expiry mail was in, every follower had caught up and no saga command was due.'
        : '**at the end of the wait, with the wave not drained**.'),
    '',
    '| target | measured | |',
    '|---|---|---|',
    ...result.targets.map(
      (check) =>
        `| ${check.target} | ${check.value} | ${check.status === 'missed' ? '**missed**' : check.status}${check.note ? ` (${check.note})` : ''} |`,
    ),
    '',
    '| step, per booking | p50 (s) | p99 (s) | max (s) | |',
    '|---|---|---|---|---|',
    `| due → \`BookingExpired\` in the log (the sweeper) | ${spreadCells(expiry.dueToExpired)} | at most ${number(expiry.peakOverdue)} holds overdue at once; the last \`BookingExpired\` ${expiry.lastExpiredAt === undefined ? '—' : `${seconds(expiry.lastExpiredAt - expiry.lastDueAt)} s`} after the last due time |`,
    `| \`BookingExpired\` → mail at the SMTP server | ${spreadCells(mails.expiredToMail)} | |`,
    `| due → mail | ${spreadCells(mails.dueToMail)} | |`,
    '',
    `- **Saga scheduled commands**: peak pending ${number(sagaDue.peakPending)}, peak due ${number(sagaDue.peakDue)}; ` +
      `none due ${orNever(sagaDue.drainSeconds)} s after the last saga timeout came due (last hold + grace); at the end ${number(sagaDue.pendingAtEnd)} pending, ${number(sagaDue.dueAtEnd)} due.`,
    `- **Notifier**: expiry mails at the SMTP server peak ${number(mails.peakPerSecond)}/s (any second), mean ${number(mails.meanPerSecond)}/s ` +
      `(first to last mail${mails.firstAt !== undefined && mails.lastAt !== undefined ? `, ${seconds(mails.lastAt - mails.firstAt)} s` : ''}); ` +
      `the last ${orNever(mails.lastMailAfterLastExpiry, 'none')} s after the last \`BookingExpired\`; ` +
      `mails outstanding (expired in the log, not yet at the server) at most ${number(result.peakOutstanding)}; ` +
      `its consumer lag at most ${number(notifierLag?.peakBacklog ?? 0)} messages.`,
    '',
    '| follower | peak backlog (events) | peak lag (s) | drained after the last hold came due (s) |',
    '|---|---|---|---|',
    ...result.followers.map(
      (follower) =>
        `| ${follower.name} | ${number(follower.peakBacklog)} | ${follower.lagSecondsLowerBound ? '≥ ' : ''}${follower.peakLagSeconds} | ${orNever(follower.drainSeconds, 'not drained')} |`,
    ),
    '',
    '| reservation probe (another event) | window (after the placement started) | answers | p50 (ms) | p90 | p99 | max | statuses |',
    '|---|---|---|---|---|---|---|---|',
    probeRow('without the wave', result.probe.quiet, origin),
    probeRow('during the wave', result.probe.wave, origin),
    '',
  ];
  const windows = [
    ['placement', 'placing the holds'],
    ['wave', 'during the wave (the probe)'],
    ['untilDrained', 'from then until drained'],
  ] as const;
  const present = windows.filter(([key]) => result.cpu[key]);
  const rows = [...new Set(present.flatMap(([key]) => Object.keys(result.cpu[key]!.percent)))];
  lines.push(
    `| process (% of one core) | ${present.map(([key, label]) => `${label}, ${result.cpu[key]!.seconds} s`).join(' | ')} |`,
    `|---|${present.map(() => '---|').join('')}`,
    ...rows.map(
      (row) => `| ${row} | ${present.map(([key]) => result.cpu[key]!.percent[row] ?? '—').join(' | ')} |`,
    ),
  );
  return lines;
}

export function waveMarkdown(
  machine: Record<string, string>,
  command: string,
  parameters: { ttlSeconds: number; graceMs: number } & Record<string, unknown>,
  result: WaveRunResult,
): string {
  const lines = [
    '# Expiry wave with every role running',
    '',
    `**Machine**: ${machine.cpu}, ${machine.memory}, ${machine.os}; Node ${machine.node}; ${machine.services}.`,
    `**Date**: ${machine.date}. **Command**: \`${command}\`.`,
    `**Parameters**: \`${JSON.stringify(parameters)}\``,
    '',
    'Drained (README): a follower has processed the wave’s last `BookingExpired` (a consumer group: every',
    'message published by then), counted from the last hold’s due time; the saga from the last due time + grace.',
    '',
  ];
  for (const variant of result.variants)
    lines.push(...variantSection(variant, parameters.ttlSeconds, parameters.graceMs), '');
  return lines.join('\n');
}
