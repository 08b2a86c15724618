import { join } from 'node:path';
import { cpuPercent, sampleCpu, type CpuSample, type ProcessGroup } from '../load/cpu';
import type { LoadGeneratorName, LoadPlan, LoadResult } from '../load/load-plan';
import { scenarios } from '../load/scenarios';
import { createSale, waitUntilOnSale, type SaleSetup } from '../load/setup-event';
import { driveLoad } from './drive-load';
import {
  summarizeFollower,
  summarizeRate,
  summarizeSagaCommands,
  type BacklogSummary,
  type FollowerSummary,
  type RateSummary,
  type RushWindow,
} from './lag-analysis';
import type { Probe } from './probe';

/** What a load needs to know about the running product. */
export type LoadTarget = {
  readonly apiUrl: string;
  readonly redisUrl: string;
  readonly adminToken: string;
  readonly jwtSecret: string;
  readonly tag: string;
  readonly dir: string;
  /** Whether `GET /shows/:id/zones` is served, so a new sale is awaited there too. */
  readonly servesQueries: boolean;
  readonly connections: number;
  readonly timeoutSeconds: number;
  /** `benchmarks/load`'s generator: autocannon, or wrk (far less CPU per request). */
  readonly generator: LoadGeneratorName;
  /** Every event put on sale is added here (its Redis keys are deleted afterwards). */
  readonly sales: string[];
  /** Hands out buyer numbers, so no two loads share a buyer. */
  takeBuyers(count: number): number;
};

/** Name of the load generator's row in the CPU tables. */
export const generatorRow = 'load generator';

/** CPU µs per reservation of each row: % of a core over a window, later entries override earlier ones for their rows. */
function microsecondsPer(
  reservations: number,
  windows: readonly { percent: Record<string, number>; seconds: number; only?: readonly string[] }[],
): Record<string, number> {
  const result: Record<string, number> = {};
  for (const { percent, seconds, only } of windows) {
    for (const [name, value] of Object.entries(percent)) {
      if (only && !only.includes(name)) continue;
      result[name] = reservations === 0 ? 0 : Math.round(((value / 100) * seconds * 1e6) / reservations);
    }
  }
  return result;
}

/** One seat per request across four zones of 1,000,000 seats, 10 tickets per buyer (the load benchmark's `max` sale). */
export const rushSale = scenarios.max;

export async function newSale(target: LoadTarget, label: string): Promise<SaleSetup> {
  const setup = await createSale(target.apiUrl, target.adminToken, rushSale, `${target.tag} ${label}`);
  target.sales.push(setup.eventId);
  await waitUntilOnSale(target.apiUrl, target.redisUrl, setup, { checkQueryModel: target.servesQueries });
  return setup;
}

/**
 * A load of `benchmarks/load`'s generator on a sale: `buyers` new ones (taken from the target), or a
 * range taken beforehand; `connections` when not the target's.
 */
export function planFor(
  target: LoadTarget,
  setup: SaleSetup,
  label: string,
  shape: {
    durationSeconds: number;
    overallRate?: number;
    amount?: number;
    buyers: number | { readonly first: number; readonly count: number };
    connections?: number;
  },
): LoadPlan {
  const buyers =
    typeof shape.buyers === 'number'
      ? { first: target.takeBuyers(shape.buyers), count: shape.buyers }
      : shape.buyers;
  return {
    url: target.apiUrl,
    generator: target.generator,
    connections: shape.connections ?? target.connections,
    durationSeconds: shape.durationSeconds,
    ...(shape.overallRate === undefined ? {} : { overallRate: shape.overallRate }),
    ...(shape.amount === undefined ? {} : { amount: shape.amount }),
    timeoutSeconds: target.timeoutSeconds,
    zoneIds: setup.zoneIds,
    quantity: 1,
    buyers: { tag: target.tag, ...buyers },
    jwtSecret: target.jwtSecret,
    keyPrefix: `${target.tag}-${label}-`,
    idsFile: join(target.dir, `${label}.ids`),
  };
}

export type MaxResult = { readonly sale: SaleSetup; readonly idsFile: string; readonly load: LoadResult };

/** Closed loop for `durationSeconds`: the most this layout answers; the rush offers half of it by default. */
export async function measureMax(target: LoadTarget, durationSeconds: number): Promise<MaxResult> {
  const setup = await newSale(target, 'max');
  // Enough buyers for 5,000 requests/s; beyond that a buyer comes round again (10 tickets each).
  const plan = planFor(target, setup, 'max', { durationSeconds, buyers: 5000 * durationSeconds });
  const load = await driveLoad(plan, join(target.dir, 'max.generator.log'));
  return { sale: setup, idsFile: plan.idsFile, load };
}

export type RushMeasurement = {
  readonly sale: SaleSetup;
  readonly idsFile: string;
  readonly load: LoadResult;
  /** Seconds: the load, and from its stop until every follower had caught up (undefined: not within the wait). */
  readonly loadSeconds: number;
  readonly caughtUpSeconds: number | undefined;
  readonly followers: FollowerSummary[];
  readonly sagaCommands: BacklogSummary;
  /** Events appended to the log, messages published to the integration topics. */
  readonly appended: RateSummary;
  readonly published: RateSummary;
  /** % of one core per process: during the load, and from its start until caught up. */
  readonly cpuDuringLoad: Record<string, number>;
  readonly cpuUntilCaughtUp: Record<string, number>;
  /** CPU µs per reservation answered 201, from the load's start until every follower caught up. */
  readonly cpuMicrosecondsPerReservation: Record<string, number>;
  readonly window: RushWindow;
};

/**
 * The rush: `rate` reservations/s offered for `durationSeconds`, each by a buyer of its own; then waits
 * (up to `catchUpTimeoutSeconds`) until every follower has processed everything. CPU is sampled when
 * the load starts, when it stops and when the followers have caught up.
 */
export async function measureRush(
  target: LoadTarget,
  probe: Probe,
  groups: (generatorPid: number) => ProcessGroup[],
  options: { rate: number; durationSeconds: number; catchUpTimeoutSeconds: number },
): Promise<RushMeasurement> {
  const setup = await newSale(target, 'rush');
  // autocannon sends a fixed number of requests at the offered rate: the load ends when the last is
  // answered, so no request is cut off (every BookingReserved was answered) and the stop is the last
  // answer. wrk has no such mode: it stops after the duration, and requests in flight then go unanswered.
  const requests = Math.max(1, Math.round(options.rate * options.durationSeconds));
  const plan = planFor(target, setup, 'rush', {
    durationSeconds: options.durationSeconds,
    overallRate: options.rate,
    ...(target.generator === 'autocannon' ? { amount: requests } : {}),
    buyers: requests + target.connections,
  });
  let generatorPid = 0;
  let start: { t: number; cpu: Promise<CpuSample> } | undefined;
  let stop: { t: number; cpu: Promise<CpuSample> } | undefined;
  const cpuGroups = () => groups(generatorPid);
  const load = await driveLoad(plan, join(target.dir, 'rush.generator.log'), {
    onSpawned: (pid) => (generatorPid = pid),
    onStarted: () => (start = { t: probe.now(), cpu: sampleCpu(cpuGroups()) }),
    onStopped: () => (stop = { t: probe.now(), cpu: sampleCpu(cpuGroups()) }),
  });
  if (!start || !stop) throw new Error('the load generator never reported its start and stop');
  const caughtUpAt = await probe.untilCaughtUp(options.catchUpTimeoutSeconds * 1000, stop.t);
  const endCpu = await sampleCpu(cpuGroups());
  const window: RushWindow = { start: start.t, stop: stop.t, end: caughtUpAt ?? probe.now() };
  const samples = probe.samples;
  const names = Object.keys(samples.findLast((sample) => !sample.error)?.followers ?? {});
  const summaries = names.map((name) => summarizeFollower(samples, name, window));
  const startCpu = await start.cpu;
  const stopCpu = await stop.cpu;
  const duringLoad = cpuPercent(startCpu, stopCpu, cpuGroups());
  // The generator has exited by the end: its row there would be meaningless, so it is left out (and
  // not subtracted from the rest of the machine).
  const withoutGenerator = cpuGroups().filter((group) => group.name !== generatorRow);
  const { [generatorRow]: _exited, ...untilCaughtUp } = cpuPercent(startCpu, endCpu, withoutGenerator);
  const windowSeconds = (endCpu.at - startCpu.at) / 1000;
  const created = load.created;
  return {
    sale: setup,
    idsFile: plan.idsFile,
    load,
    loadSeconds: Math.round(stop.t - start.t) / 1000,
    // The last follower to catch up (each to the sampling resolution, 0 when nothing was left at the stop).
    caughtUpSeconds:
      caughtUpAt === undefined
        ? undefined
        : Math.max(0, ...summaries.map((entry) => entry.catchUpSeconds ?? 0)),
    followers: summaries,
    sagaCommands: summarizeSagaCommands(samples, window),
    appended: summarizeRate(samples, window, (sample) => sample.head),
    published: summarizeRate(samples, window, (sample) => sample.published),
    cpuDuringLoad: duringLoad,
    cpuUntilCaughtUp: untilCaughtUp,
    cpuMicrosecondsPerReservation: microsecondsPer(created, [
      { percent: untilCaughtUp, seconds: windowSeconds },
      // The generator has exited by the end: its share is the load's window.
      { percent: duringLoad, seconds: (stopCpu.at - startCpu.at) / 1000, only: [generatorRow] },
    ]),
    window,
  };
}
