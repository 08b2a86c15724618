import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { mintTokens } from '../load/buyers';
import { cpuPercent, sampleCpu, type CpuSample, type ProcessGroup } from '../load/cpu';
import type { LoadResult } from '../load/load-plan';
import { ensureWrk } from '../load/services';
import {
  admissionFromLog,
  admissionFromStatus,
  waitEstimateAccuracy,
  type AdmissionFigures,
} from './admission-analysis';
import {
  adminLogin,
  configureRoom,
  createSale,
  dayLongAdminToken,
  readQueueDecisions,
  roomView,
  waitUntilProvisioned,
  zoneInventory,
  type RoomSettings,
  type RoomView,
} from './api';
import { processRss, redisUsedMemory, type ServerMemory } from './memory';
import type { QueueOptions } from './options';
import { runProbe, type ProbeTarget } from './probe';
import { startProductServer } from './server';
import { Storm, type StormResult } from './storm';

/** The live view at `t` s after the first join, and how long it took to answer (ms). */
export type RoomSample = { readonly t: number; readonly ms: number } & RoomView;
export type MemoryPoint = { readonly t: number; readonly rssMiB: number; readonly heapUsedMiB: number };

export type QueueResult = {
  readonly storage: string;
  readonly serverLog: string;
  readonly setup: {
    readonly mintSeconds: number;
    readonly room: RoomSettings;
    readonly saleStartsAt: string;
    /** When the first join went out, after the pre-queue opened (s). */
    readonly stormStartedAfterOpeningSeconds: number;
  };
  readonly storm: Omit<StormResult, 'admittedSeenAt' | 'waitEstimates' | 'origin'>;
  readonly admission: {
    readonly fromLog: AdmissionFigures;
    readonly fromStatus: AdmissionFigures;
    /** Our own check of the promised waits (to the read interval). */
    readonly waitEstimates: ReturnType<typeof waitEstimateAccuracy>;
    /** The room's live view at the storm's end, as the organizer sees it. */
    readonly finalView: RoomView | null;
  };
  readonly memory: {
    /** After the baseline probe, before any join, after a full collection. */
    readonly before: ServerMemory;
    /** When every join had been answered (no collection: the storm goes on). */
    readonly afterJoins: ServerMemory | null;
    /** After the storm, after a full collection: what the buyers in line keep. */
    readonly after: ServerMemory;
    readonly buyersInLineAfterJoins: number | null;
    readonly redisUsedMiB?: {
      readonly before: number;
      readonly afterJoins: number | null;
      readonly after: number;
    };
    /** Once a second during the storm (t: s after the first join). */
    readonly timeline: readonly MemoryPoint[];
  };
  readonly probe: {
    readonly rate: number;
    readonly baseline: LoadResult;
    readonly duringStorm: LoadResult;
    readonly p99Ratio: number;
  };
  /** The storm's zone after the storm: seats held there = holds answered 201. */
  readonly stormZone: { readonly held: number | null; readonly consistent: boolean } | null;
  /** % of one core per row during the storm. */
  readonly cpu: Record<string, number>;
  readonly cpuSeconds: number;
  readonly roomSamples: readonly RoomSample[];
};

const seconds = (ms: number) => Math.round(ms / 100) / 10;
/** How long before the pre-queue opens the probe beside the storm is started. */
const probeLeadMs = 3000;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The row of the process that runs the storm (and the harness's few reads). */
export const generatorRow = 'load generator (storm, this process)';

/**
 * The whole benchmark on one server: buyers' tokens, the probe's event and the storm's event with its
 * room, the probe alone (the baseline), then the storm with the probe beside it, the admin's view
 * sampled throughout, and the server's memory before, after the joins and after the storm.
 */
export async function runQueueBenchmark(
  options: QueueOptions,
  stamp: string,
  log: (line: string) => void,
): Promise<QueueResult> {
  const dir = join(options.outDir, `${stamp}-queue-${options.mode}`);
  mkdirSync(dir, { recursive: true });
  await ensureWrk();
  const server = await startProductServer(options, dir, stamp);
  log(`server pid ${server.child.pid} on ${server.url} (${server.storage}), log ${server.logFile}`);
  try {
    const { url } = server;
    const token = await adminLogin(url, server.admin);
    const reader = await dayLongAdminToken(server.jwtSecret);

    const started = performance.now();
    const tokens = await mintTokens(server.jwtSecret, server.tag, 0, options.buyers + 1);
    const scout = `Bearer ${tokens.pop()!}`;
    const authorizations = tokens.map((accessToken) => `Bearer ${accessToken}`);
    const mintSeconds = seconds(performance.now() - started);
    log(`${options.buyers.toLocaleString('en')} buyers' access tokens minted in ${mintSeconds} s`);

    const probeSale = await createSale(url, token, {
      name: 'Queue benchmark probe (no waiting room)',
      saleStartsAt: new Date(Date.now() - 60_000),
      capacity: 1_000_000,
      maxTicketsPerUser: 10,
    });
    // The pre-queue opens once the baseline probe is over (and a margin for the setup).
    const opensAt = Date.now() + (options.probe.baselineSeconds + 10) * 1000;
    const saleStartsAt = new Date(opensAt + options.prequeueSeconds * 1000);
    const settings: RoomSettings = {
      enabled: true,
      preQueueOpensAt: new Date(opensAt).toISOString(),
      admissionPerMinute: options.admissionPerMinute,
      maxInside: options.maxInside,
      passLifetimeSeconds: options.passLifetimeSeconds,
    };
    let room: RoomSettings = settings;
    const stormSale = await createSale(
      url,
      token,
      {
        name: 'Queue benchmark storm',
        saleStartsAt,
        capacity: 1_000_000,
        maxTicketsPerUser: 4,
      },
      async (eventId) => {
        room = await configureRoom(url, token, eventId, settings);
      },
    );
    await waitUntilProvisioned(url, reader, probeSale.zoneId);
    await waitUntilProvisioned(url, reader, stormSale.zoneId);
    log(
      `storm event ${stormSale.eventId}: pre-queue opens ${settings.preQueueOpensAt}, sale ${saleStartsAt.toISOString()}`,
    );

    const probeTarget: ProbeTarget = {
      url,
      jwtSecret: server.jwtSecret,
      tag: server.tag,
      zoneId: probeSale.zoneId,
      rate: options.probe.rate,
      connections: options.probe.connections,
      timeoutSeconds: options.timeoutSeconds,
      dir,
      nextBuyer: options.buyers + 1,
    };
    log(`probe without the storm: ${options.probe.rate}/s for ${options.probe.baselineSeconds} s`);
    const baseline = await runProbe(probeTarget, 'baseline', options.probe.baselineSeconds);

    const before = await server.memory(true);
    const redisBefore = server.redisUrl ? await redisUsedMemory(server.redisUrl) : undefined;
    log(
      `server before the storm: RSS ${before.rssMiB} MiB, heap ${before.heapUsedMiB} MiB (after a full GC)`,
    );

    const storm = new Storm({
      url,
      eventId: stormSale.eventId,
      zoneId: stormSale.zoneId,
      authorizations,
      tag: server.tag,
      joinSeconds: options.joinSeconds,
      statusEverySeconds: options.statusEverySeconds,
      durationSeconds: options.durationSeconds,
      holdShare: options.holdShare,
      connections: options.connections,
      timeoutSeconds: options.timeoutSeconds,
      ownAddresses: options.ownAddresses,
    });

    // The probe goes first (its process takes a second or two to start), so the storm can start on time;
    // it runs a few seconds longer, still running (its CPU row readable) when the storm's window closes.
    await sleep(opensAt - probeLeadMs - Date.now());
    let probePid = 0;
    const probeStarted = Promise.withResolvers<void>();
    const duringStorm = runProbe(probeTarget, 'storm', options.durationSeconds + probeLeadMs / 1000 + 1, {
      onSpawned: (pid) => (probePid = pid),
      onStarted: () => probeStarted.resolve(),
    });
    duringStorm.catch(() => probeStarted.resolve());
    await probeStarted.promise;
    await untilPreQueueOpens(url, stormSale.eventId, opensAt, scout);
    const stormStartedAfterOpeningSeconds = seconds(Date.now() - opensAt);
    const groups: ProcessGroup[] = [
      ...(await server.cpuGroups()),
      { name: generatorRow, pids: () => [process.pid] },
      { name: 'probe (wrk and its node parent)', tree: probePid },
    ];
    const cpuStart = await sampleCpu(groups);
    log(
      `storm: ${options.buyers.toLocaleString('en')} joins within ${options.joinSeconds} s, reads every ` +
        `${options.statusEverySeconds} s, ${options.durationSeconds} s in all`,
    );
    const running = storm.run();
    // The CPU window is the storm's sending time, not the wait for its last answers.
    const cpuEnd = new Promise<CpuSample>((resolve) =>
      setTimeout(() => resolve(sampleCpu(groups)), options.durationSeconds * 1000),
    );

    // Samples while it runs: the room's live view, the server's memory once a second.
    let sampling = true;
    const roomSamples: RoomSample[] = [];
    const timeline: MemoryPoint[] = [];
    const rooms = (async () => {
      while (sampling) {
        const asked = performance.now();
        const t = seconds(asked - storm.startedAt);
        const view = await roomView(url, reader, stormSale.eventId).catch((error: unknown): RoomView => ({
          error: String(error),
        }));
        roomSamples.push({ t, ms: Math.round(performance.now() - asked), ...view });
        const progress = storm.progress();
        log(
          `t=${t}s joined ${progress.joined} admitted(seen) ${progress.admitted} in flight ${progress.inFlight}` +
            ` | room: ${view.phase ?? '?'} waiting ${view.waiting ?? '?'} inside ${view.inside ?? '?'}`,
        );
        await sleep(options.roomSampleSeconds * 1000);
      }
    })();
    const memories = (async () => {
      while (sampling) {
        const t = seconds(performance.now() - storm.startedAt);
        const heap = await server.memory(false).catch(() => undefined);
        const rss = heap ?? processRss(server.child.pid);
        if (rss) timeline.push({ t, rssMiB: rss.rssMiB, heapUsedMiB: heap?.heapUsedMiB ?? Number.NaN });
        await sleep(1000);
      }
    })();

    const afterJoinsReading = (async () => {
      await storm.joinsSettled();
      const progress = storm.progress();
      if (
        progress.joined < options.buyers &&
        performance.now() - storm.startedAt > options.durationSeconds * 1000
      )
        return null;
      const memory = await server.memory(false);
      const view = await roomView(url, reader, stormSale.eventId).catch(() => null);
      const redis = server.redisUrl ? await redisUsedMemory(server.redisUrl) : null;
      log(`all joins answered: server RSS ${memory.rssMiB} MiB, heap ${memory.heapUsedMiB} MiB (no GC)`);
      return { memory, waiting: view?.waiting ?? null, redis };
    })();

    const result = await running;
    const cpuAtEnd = await cpuEnd;
    const windowEnd = Date.now();
    sampling = false;
    await Promise.all([rooms, memories]);
    const probeDuring = await duringStorm;
    const afterJoins = await afterJoinsReading;
    const after = await server.memory(true);
    const redisAfter = server.redisUrl ? await redisUsedMemory(server.redisUrl) : undefined;
    log(`server after the storm: RSS ${after.rssMiB} MiB, heap ${after.heapUsedMiB} MiB (after a full GC)`);

    const finalView = await roomView(url, reader, stormSale.eventId).catch(() => null);
    const decisions = await readQueueDecisions(url, reader, stormSale.eventId);
    const inventory = await zoneInventory(url, reader, stormSale.zoneId).catch(() => null);
    const saleStart = saleStartsAt.getTime();
    const windowSeconds = (windowEnd - saleStart) / 1000;
    const seenAfterSale = result.admittedSeenAt.map((ms) => (result.originEpochMs + ms - saleStart) / 1000);
    const { admittedSeenAt: _seen, waitEstimates, origin: _origin, ...stormFigures } = result;
    return {
      storage: server.storage,
      serverLog: server.logFile,
      setup: { mintSeconds, room, saleStartsAt: saleStartsAt.toISOString(), stormStartedAfterOpeningSeconds },
      storm: stormFigures,
      admission: {
        fromLog: admissionFromLog(decisions, saleStart, windowEnd, options.admissionPerMinute),
        fromStatus: admissionFromStatus(seenAfterSale, windowSeconds, options.admissionPerMinute),
        waitEstimates: waitEstimateAccuracy(waitEstimates),
        finalView,
      },
      memory: {
        before,
        afterJoins: afterJoins?.memory ?? null,
        after,
        buyersInLineAfterJoins: afterJoins?.waiting ?? null,
        ...(redisBefore !== undefined && redisAfter !== undefined
          ? {
              redisUsedMiB: { before: redisBefore, afterJoins: afterJoins?.redis ?? null, after: redisAfter },
            }
          : {}),
        timeline,
      },
      probe: {
        rate: options.probe.rate,
        baseline: baseline.load,
        duringStorm: probeDuring.load,
        p99Ratio: Math.round((probeDuring.load.latency.p99 / baseline.load.latency.p99) * 100) / 100,
      },
      stormZone: inventory ? { held: inventory.held, consistent: inventory.consistent } : null,
      cpu: cpuPercent(cpuStart, cpuAtEnd, groups),
      cpuSeconds: seconds(cpuAtEnd.at - cpuStart.at),
      roomSamples,
    };
  } finally {
    await server.close();
    log('server stopped, its data dropped');
  }
}

/**
 * Until the queue takes joins: from `preQueueOpensAt` on the server's clock (the same machine's), the
 * first join opens the line itself. A buyer who is not in the storm then reads its status once, so the
 * storm starts on a server that answers the queue's routes.
 */
async function untilPreQueueOpens(url: string, eventId: string, opensAt: number, authorization: string) {
  await sleep(Math.max(0, opensAt + 50 - Date.now()));
  const deadline = Date.now() + 60_000;
  for (;;) {
    const response = await fetch(`${url}/api/v1/events/${eventId}/queue`, {
      headers: { authorization },
      signal: AbortSignal.timeout(10_000),
    });
    const body = await response.text();
    if (response.ok) return;
    if (response.status !== 429 || Date.now() > deadline)
      throw new Error(`GET /events/${eventId}/queue answered ${response.status}: ${body.slice(0, 300)}`);
    await sleep(Math.max(500, Number(response.headers.get('retry-after') ?? 0) * 1000));
  }
}
