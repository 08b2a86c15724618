import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { ProcessGroup } from './cpu';
import type { HarnessOptions, ScenarioRun, TargetResult } from './harness';
import type { LoadGeneratorName, LoadResult } from './load-plan';
import type { MeasuredLoad } from './run-load';
import { preSell } from './pre-sell';
import { runLoad } from './run-load';
import { buyersFor, type Scenario } from './scenarios';
import type { SaleSetup } from './setup-event';
import type { Target } from './targets';
import { verify } from './verify';

/** Unexpected answers (non-2xx other than the scenario's rejections) plus connection errors and timeouts, over all sent. */
export function errorRate(load: LoadResult, expected: readonly string[]): { rate: number; expected: number } {
  let unexpected = load.errors + load.timeouts;
  let expectedCount = 0;
  for (const [code, count] of Object.entries(load.codes)) {
    if (expected.includes(code)) expectedCount += count;
    else unexpected += count;
  }
  const sent = load.requests + load.errors + load.timeouts;
  return { rate: sent === 0 ? 0 : unexpected / sent, expected: expectedCount };
}

/** Answers that did the endpoint's work: 2xx (reservations) and 409 (refusals). */
export function workAnswers(load: LoadResult): number {
  return Object.entries(load.statuses)
    .filter(([status]) => status.startsWith('2') || status === '409')
    .reduce((sum, [, count]) => sum + count, 0);
}

/** µs of CPU per 2xx/409 answer for every process group measured (NaN without such answers). */
export function cpuPerAnswer(measured: MeasuredLoad): Record<string, number> {
  const answers = workAnswers(measured.load);
  return Object.fromEntries(
    Object.entries(measured.cpu).map(([name, percent]) => [
      name,
      answers === 0 ? Number.NaN : Math.round(((percent / 100) * measured.cpuSeconds * 1e7) / answers) / 10,
    ]),
  );
}

/** What one run shares between its measurements. */
export type Session = {
  tag: string;
  jwtSecret: string;
  dir: string;
  log: (line: string) => void;
  groups: (target: Target) => ProcessGroup[];
  takeBuyers(count: number): number;
};

/**
 * One scenario against one target's sale: seats pre-sold where the scenario wants it, the load run in
 * its own process with CPU sampled, then the store and counters verified. The file of booking ids is
 * kept only when the verdict failed.
 */
export async function measure(
  session: Session,
  target: Target,
  scenario: Scenario,
  sale: SaleSetup,
  options: HarnessOptions,
  label: string,
  generator: LoadGeneratorName = 'autocannon',
): Promise<{ result: TargetResult; parameters: ScenarioRun['parameters'] }> {
  const overrides = label === 'warmup' ? {} : (options.overrides ?? {});
  const durationSeconds = overrides.durationSeconds ?? scenario.durationSeconds;
  const connections = overrides.connections ?? scenario.connections;
  const overallRate = overrides.overallRate ?? scenario.overallRate;
  const amount = overrides.amount;
  const keyPrefix = `${session.tag}-${label}-`;
  const preSold = scenario.preSold
    ? await preSell({
        url: target.server.url,
        zoneId: sale.zoneIds[0]!,
        seats: scenario.preSold,
        jwtSecret: session.jwtSecret,
        tag: session.tag,
        firstBuyer: session.takeBuyers(scenario.preSold),
        keyPrefix,
      })
    : [];
  const buyers = buyersFor({ ...scenario, overallRate }, durationSeconds, amount);
  const idsFile = join(session.dir, `${label}.ids`);
  const groups = session.groups(target);
  const measured = await runLoad(
    {
      url: target.server.url,
      connections,
      durationSeconds,
      ...(overallRate === undefined ? {} : { overallRate }),
      ...(amount === undefined ? {} : { amount }),
      timeoutSeconds: options.timeoutSeconds,
      zoneIds: sale.zoneIds,
      quantity: scenario.quantity,
      buyers: { tag: session.tag, first: session.takeBuyers(buyers), count: buyers },
      jwtSecret: session.jwtSecret,
      keyPrefix,
      idsFile,
      generator,
      ...(options.wrkThreads === undefined ? {} : { wrkThreads: options.wrkThreads }),
    },
    groups,
    join(session.dir, `${label}.generator.log`),
  );
  const verdict = await verify({
    databaseUrl: target.databaseUrl,
    redisUrl: target.redisUrl,
    keyPrefix: target.keyPrefix,
    eventId: sale.eventId,
    maxTicketsPerUser: scenario.maxTicketsPerUser,
    idsFiles: [idsFile],
    extraIds: preSold,
    connections,
  });
  if (verdict.ok) await rm(idsFile, { force: true });
  const errors = errorRate(measured.load, scenario.expectedRejections);
  const cpuUsPerAnswer = cpuPerAnswer(measured);
  return {
    result: {
      ...measured,
      verdict,
      errorRate: errors.rate,
      expectedRejections: errors.expected,
      cpuUsPerAnswer,
      // The first group is the server under load (see the harness's `groups`).
      serverCpuUsPerAnswer: cpuUsPerAnswer[groups[0]!.name] ?? Number.NaN,
    },
    parameters: {
      durationSeconds,
      connections,
      ...(overallRate === undefined ? {} : { overallRate }),
      ...(amount === undefined ? {} : { amount }),
      buyers,
    },
  };
}
