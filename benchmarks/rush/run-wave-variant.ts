import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Argon2PasswordHasher } from '../../infra/auth';
import type { ProcessGroup } from '../load/cpu';
import type { LoadGeneratorName } from '../load/load-plan';
import type { Verdict } from '../load/verify';
import { registerBuyers, type BuyerRange } from './buyer-accounts';
import { busGroups } from './bus-groups';
import { CpuWindows, type CpuTable } from './cpu-windows';
import { generatorRow, newSale, planFor } from './measure-rush';
import type { Sample } from './probe';
import type { RushServiceUrls } from './services';
import { startSmtpSink, type SinkMode, type SmtpSink } from './smtp-sink';
import { loadTargetOf, openVariantSession, type VariantSession } from './variant-session';
import type { Variant, VariantName } from './variants';
import { relayName } from './log-followers';
import {
  expiryMailId,
  expiryPath,
  followerDrain,
  mailDelivery,
  peakOutstanding,
  sagaDue,
  type ExpiryPath,
  type FollowerDrain,
  type MailDelivery,
  type SagaDue,
  type WaveWindow,
} from './wave-analysis';
import { dueSagaCommands, failedNotifications, readWaveBookings } from './wave-facts';
import { buyersNeeded, timedLoad, type TimedLoad } from './wave-loads';
import { WaveMonitor, type WaveSample } from './wave-monitor';
import { settledVerdict, untilDrained } from './wave-settle';
import { checkWaveTargets, type WaveTargetCheck } from './wave-targets';

export type WaveOptions = {
  /** Holds placed (one seat each, nobody pays). */
  readonly holds: number;
  /** Holds/s offered while placing them. */
  readonly rate: number;
  /** `RESERVATION_TTL_SECONDS` and `SAGA_EXPIRY_GRACE_MS` of the processes. */
  readonly ttlSeconds: number;
  readonly graceMs: number;
  /** Holds per buyer on the wave's event (≤ its limit of 10). */
  readonly holdsPerBuyer: number;
  readonly connections: number;
  readonly generator: LoadGeneratorName;
  readonly timeoutSeconds: number;
  /** How the loopback SMTP server reads each mail (`headers` costs it far less than `parse`). */
  readonly smtpSink: SinkMode;
  /** The reservation probe on an event of its own: rate, seconds before the wave, seconds after its last due time. */
  readonly probe: {
    readonly rate: number;
    readonly quietSeconds: number;
    readonly tailSeconds: number;
    readonly connections: number;
  };
  /** Wait for the followers after the accounts are created; for the wave to drain after its last due time. */
  readonly catchUpTimeoutSeconds: number;
  readonly drainTimeoutSeconds: number;
  readonly sampleIntervalMs: number;
  readonly redisUrl: string;
  readonly outDir: string;
  readonly stamp: string;
  readonly log: (line: string) => void;
};

/** A reservation load as the report tells it (the load generator's result and its window, seconds on the probe's clock). */
export type LoadRun = Omit<TimedLoad, 'pid'>;

export type WaveVariantResult = {
  readonly variant: VariantName;
  readonly summary: string;
  readonly processes: { readonly name: string; readonly pid: number }[];
  readonly accounts: { readonly buyers: number; readonly seconds: number };
  /** Holds/s offered while placing them. */
  readonly offeredRate: number;
  readonly placement: LoadRun;
  readonly probe: { readonly quiet: LoadRun; readonly wave: LoadRun };
  /** On the probe's clock (ms), like the samples; `epochOffset` + t = epoch ms. */
  readonly window: WaveWindow;
  readonly epochOffset: number;
  /** Every sample found nothing left to do before the drain wait ran out. */
  readonly drained: boolean;
  readonly expiry: ExpiryPath;
  readonly mails: MailDelivery;
  readonly peakOutstanding: number;
  readonly sagaDue: SagaDue;
  readonly followers: readonly FollowerDrain[];
  readonly checks: {
    /** `BookingExpired` of the wave's bookings against its `BookingReserved`. */
    readonly expired: number;
    readonly reserved: number;
    /** Saga commands due and not run, counted after the drain. */
    readonly dueCommandsLeft: number;
    /** Notifications the notifier gave up on (undefined: could not be read). */
    readonly failedNotifications: number | undefined;
    readonly verdicts: { readonly wave: Verdict; readonly probe: Verdict };
  };
  readonly targets: readonly WaveTargetCheck[];
  readonly cpu: CpuTable;
  readonly samples: readonly Sample[];
  readonly waveSamples: readonly WaveSample[];
};

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
/** The wave probe's generator starts this long before the first hold comes due (start-up, tokens). */
const probeLeadMs = 2000;

/**
 * The expiry wave on one variant: real buyer accounts, a quiet spell of the reservation probe, the
 * holds placed at the offered rate, the probe again while they expire, then a wait until every mail
 * is in and every follower has caught up; figures, checks and targets.
 */
export async function runWaveVariant(
  variant: Variant,
  urls: RushServiceUrls,
  options: WaveOptions,
): Promise<WaveVariantResult> {
  const { log } = options;
  const dir = join(options.outDir, `${options.stamp}-wave-${variant.name}`);
  mkdirSync(dir, { recursive: true });
  const sink = await startSmtpSink(join(dir, 'smtp-sink.log'), options.smtpSink);
  let session: VariantSession | undefined;
  try {
    session = await openVariantSession(variant, urls, {
      dir,
      stamp: options.stamp,
      redisUrl: options.redisUrl,
      smtpUrl: sink.url,
      reservationTtlSeconds: options.ttlSeconds,
      extraEnv: { SAGA_EXPIRY_GRACE_MS: String(options.graceMs) },
      sampleIntervalMs: options.sampleIntervalMs,
      sagaCommandsEveryMs: 500,
      log,
    });
    return await runWave(session, sink, dir, options);
  } finally {
    await session?.close();
    await sink.close();
  }
}

async function runWave(
  session: VariantSession,
  sink: SmtpSink,
  dir: string,
  options: WaveOptions,
): Promise<WaveVariantResult> {
  const { log, probe: probeOptions } = options;
  const { probe, sql, variant } = session;
  const name = variant.name;
  const epochOffset = Date.now() - probe.now();
  const target = loadTargetOf(session, options, dir);
  const take = (requests: number, connections: number): BuyerRange => {
    const count = buyersNeeded(requests, options.holdsPerBuyer, {
      generator: options.generator,
      connections,
    });
    return { first: target.takeBuyers(count), count };
  };

  const waveSale = await newSale(target, 'wave');
  const probeSale = await newSale(target, 'probe');
  const placementSeconds = options.holds / options.rate;
  const quietRequests = Math.max(1, Math.round(probeOptions.rate * probeOptions.quietSeconds));
  const waveProbeSeconds = placementSeconds + options.graceMs / 1000 + probeOptions.tailSeconds;
  const waveProbeRequests = Math.max(1, Math.round(probeOptions.rate * waveProbeSeconds));
  const ranges = {
    wave: take(options.holds, options.connections),
    quiet: take(quietRequests, probeOptions.connections),
    waveProbe: take(waveProbeRequests, probeOptions.connections),
  };

  // Real accounts, so the notifier finds every buyer's address; one argon2 hash for all of them.
  const accountsStarted = performance.now();
  const passwordHash = await new Argon2PasswordHasher().hash(randomBytes(12).toString('hex'));
  for (const range of Object.values(ranges))
    await registerBuyers(session.store, session.tag, range, { passwordHash });
  const buyers = Object.values(ranges).reduce((sum, range) => sum + range.count, 0);
  const accounts = { buyers, seconds: Math.round(performance.now() - accountsStarted) / 1000 };
  log(`${name}: ${buyers} buyer accounts in ${accounts.seconds} s`);
  const settled = await probe.untilCaughtUp(options.catchUpTimeoutSeconds * 1000);
  log(`${name}: followers ${settled === undefined ? 'STILL BEHIND' : 'caught up'} before the quiet probe`);

  const probePlan = (label: string, range: BuyerRange, requests: number, seconds: number) =>
    planFor(target, probeSale, label, {
      durationSeconds: seconds,
      overallRate: probeOptions.rate,
      amount: requests,
      buyers: range,
      connections: probeOptions.connections,
    });
  const quietPlan = probePlan('probe-quiet', ranges.quiet, quietRequests, probeOptions.quietSeconds);
  const quiet = await timedLoad(quietPlan, join(dir, 'probe-quiet.generator.log'), () => probe.now());
  log(`${name}: reservation probe without the wave: p99 ${quiet.load.latency.p99} ms`);

  const monitor = new WaveMonitor(sql, sink.arrivals, () => probe.now());
  monitor.start();
  const cpu = new CpuWindows();
  const rows = (generatorPid: number, generatorName: string): ProcessGroup[] => [
    ...session
      .cpuGroups(generatorPid)
      .map((group) => (group.name === generatorRow ? { ...group, name: generatorName } : group)),
    { name: 'smtp server (loopback)', tree: sink.pid },
  ];

  // The wave probe starts shortly before the first hold comes due (the placement's start + the TTL).
  const waveProbePlan = probePlan('probe-wave', ranges.waveProbe, waveProbeRequests, waveProbeSeconds);
  let waveProbe: Promise<TimedLoad> | undefined;
  let waveProbeDone = false;
  const startWaveProbe = () => {
    waveProbe = timedLoad(waveProbePlan, join(dir, 'probe-wave.generator.log'), () => probe.now(), {
      onSpawned: (pid) => cpu.use('wave', rows(pid, 'reservation probe')),
      onStarted: () => cpu.open('wave'),
      onStopped: () => cpu.close('wave'),
    }).finally(() => (waveProbeDone = true));
    // Awaited after the drain; until then a failure must not count as unhandled.
    waveProbe.catch(() => undefined);
  };
  let probeTimer: NodeJS.Timeout | undefined;
  const placementPlan = planFor(target, waveSale, 'wave', {
    durationSeconds: placementSeconds,
    overallRate: options.rate,
    amount: options.holds,
    buyers: ranges.wave,
  });
  let placement: TimedLoad;
  try {
    placement = await timedLoad(placementPlan, join(dir, 'wave.generator.log'), () => probe.now(), {
      onSpawned: (pid) => cpu.use('placement', rows(pid, 'load generator (placement)')),
      onStarted: () => {
        cpu.open('placement');
        probeTimer = setTimeout(startWaveProbe, Math.max(0, options.ttlSeconds * 1000 - probeLeadMs));
      },
      onStopped: () => cpu.close('placement'),
    });
  } catch (error) {
    clearTimeout(probeTimer);
    throw error;
  }
  log(
    `${name}: ${placement.load.created} holds at ${placement.load.rps}/s in ${Math.round(placement.stopped - placement.started)} ms, ` +
      `p99 ${placement.load.latency.p99} ms, statuses ${JSON.stringify(placement.load.statuses)}`,
  );

  // The holds as the log has them: their due times set the drain wait.
  await sleep(1000);
  const placed = await readWaveBookings(sql, waveSale.eventId);
  const lastDue = expiryPath(placed).lastDueAt - epochOffset;
  const drainedAt = await untilDrained({
    session,
    sink,
    waveMailIds: new Set(placed.map((booking) => expiryMailId(booking.bookingId))),
    lastSagaDue: lastDue + options.graceMs,
    deadline: lastDue + options.drainTimeoutSeconds * 1000,
    probeDone: () => waveProbeDone,
    log: (line) => log(`${name}: ${line}`),
  });
  const wave = await (waveProbe ?? Promise.reject(new Error('the wave probe never started')));
  const end = drainedAt ?? probe.now();
  cpu.use(
    'untilDrained',
    cpu.groups('wave').filter((group) => group.name !== 'reservation probe'),
  );
  await cpu.closeFrom('untilDrained', 'wave');
  log(
    `${name}: ${drainedAt === undefined ? 'NOT drained' : `all in ${Math.round(end - lastDue) / 1000} s after the last due time`}; ` +
      `reservation probe during the wave: p99 ${wave.load.latency.p99} ms`,
  );
  // A mail sent twice would come right behind the first: give it a moment.
  await sleep(1000);
  await monitor.stop();
  await probe.stop();

  const bookings = await readWaveBookings(sql, waveSale.eventId);
  const expiry = expiryPath(bookings);
  const window: WaveWindow = {
    firstDue: expiry.firstDueAt - epochOffset,
    lastDue: expiry.lastDueAt - epochOffset,
    end,
  };
  const mails = mailDelivery(bookings, sink.arrivals);
  const samples = probe.samples;
  const busNames = new Set(busGroups('').map((group) => group.name));
  const followerNames = Object.keys(samples.findLast((sample) => !sample.error)?.followers ?? {});
  const followers = followerNames.map((follower) =>
    followerDrain(samples, follower, {
      window,
      lastPosition: expiry.lastExpiredPosition,
      relay: relayName,
      busGroup: busNames.has(follower),
    }),
  );
  const saga = sagaDue(samples, window, options.graceMs);
  const verdicts = {
    wave: await settledVerdict(
      session,
      options.redisUrl,
      waveSale,
      [placementPlan.idsFile],
      options.connections,
    ),
    probe: await settledVerdict(
      session,
      options.redisUrl,
      probeSale,
      [quietPlan.idsFile, waveProbePlan.idsFile],
      probeOptions.connections,
    ),
  };
  const checks = {
    expired: expiry.expired,
    reserved: expiry.holds,
    dueCommandsLeft: await dueSagaCommands(sql),
    failedNotifications: await failedNotifications(session),
    verdicts,
  };
  const outstanding = peakOutstanding(monitor.samples);
  const loadRun = ({ pid: _pid, ...run }: TimedLoad): LoadRun => run;
  return {
    variant: name,
    summary: variant.summary,
    processes: session.processes.map((process) => ({ name: process.spec.name, pid: process.child.pid })),
    accounts,
    offeredRate: options.rate,
    placement: loadRun(placement),
    probe: { quiet: loadRun(quiet), wave: loadRun(wave) },
    window,
    epochOffset,
    drained: drainedAt !== undefined,
    expiry,
    mails,
    peakOutstanding: outstanding,
    sagaDue: saga,
    followers,
    checks,
    targets: checkWaveTargets({
      holds: expiry.holds,
      sagaDue: saga,
      mails,
      peakOutstanding: outstanding,
      p99Quiet: quiet.load.latency.p99,
      p99Wave: wave.load.latency.p99,
      invariantOk: verdicts.wave.ok && verdicts.probe.ok,
    }),
    cpu: await cpu.table(),
    samples,
    waveSamples: monitor.samples,
  };
}
