import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { announceToPrometheus } from '../shared';
import { startBaselineServer } from './baseline-process';
import type { ProcessGroup } from './cpu';
import { startEndpointServer, type Role, type RunningServer } from './endpoint-server';
import type { LoadGeneratorName } from './load-plan';
import { measure, type Session } from './measure';
import type { MeasuredLoad } from './run-load';
import {
  generatorsFor,
  orderScenarios,
  withOfferedRate,
  type BaselineMax,
  type GeneratorChoice,
  type RateReference,
} from './scenario-plan';
import { scenarios, type Scenario, type ScenarioName } from './scenarios';
import {
  backendLister,
  createDatabase,
  deleteRedisKeys,
  ensureWrk,
  postgresPids,
  redisDatabaseUrl,
  redisServerPid,
  servicesUp,
  type OwnDatabase,
} from './services';
import { adminToken } from './setup-event';
import { baselineTarget, endpointTarget, type Target } from './targets';
import type { Verdict } from './verify';

export type Overrides = {
  readonly durationSeconds?: number;
  readonly connections?: number;
  readonly overallRate?: number;
  /** A fixed number of requests (all answered before the run ends); the smoke test uses it. */
  readonly amount?: number;
};

export type HarnessOptions = {
  readonly scenarios: readonly ScenarioName[];
  readonly runs: number;
  readonly role: Role;
  readonly baseline: boolean;
  readonly warmupSeconds: number;
  /** Redis logical database for the run (tests use 0); keys are deleted by pattern afterwards. */
  readonly redisDb: number;
  readonly outDir: string;
  readonly timeoutSeconds: number;
  readonly overrides?: Overrides;
  /** Extra Node flags for the endpoint server, e.g. `--cpu-prof --cpu-prof-dir=…`. */
  readonly serverNodeOptions?: readonly string[];
  /** Settings of the endpoint server beyond the benchmark's own (`{ METRICS: 'off' }`). */
  readonly serverEnv?: Readonly<Record<string, string>>;
  readonly log?: (line: string) => void;
  /**
   * Load generator(s); `both` measures each target under each, the baseline included. Absent: both for
   * `max`, `fixed-0.7` and `sold-out-0.5`, autocannon elsewhere. At an offered rate wrk is paced by its
   * script.
   */
  readonly generator?: GeneratorChoice;
  /** wrk's threads (2 when absent). */
  readonly wrkThreads?: number;
};

export type TargetResult = MeasuredLoad & {
  readonly verdict: Verdict;
  /** (unexpected non-2xx + connection errors + timeouts) / everything sent. */
  readonly errorRate: number;
  readonly expectedRejections: number;
  /** µs of CPU per 2xx/409 answer, per process group of `cpu` (the same names). */
  readonly cpuUsPerAnswer: Record<string, number>;
  /** The same for the server under load: the product's server, or the baseline server. */
  readonly serverCpuUsPerAnswer: number;
};

export type ScenarioRun = {
  readonly scenario: ScenarioName;
  /** The load generator of both targets' measurements (rows written before wrk existed: autocannon). */
  readonly generator: LoadGeneratorName;
  readonly run: number;
  /** The processes measured: the server under test and the baseline server. */
  readonly pids: { readonly server: number; readonly baseline?: number };
  readonly parameters: {
    durationSeconds: number;
    connections: number;
    overallRate?: number;
    amount?: number;
    buyers: number;
    /** Relative scenarios: the share of the baseline's `max` rate offered, and that rate. */
    rateOfBaselineMax?: number;
    reference?: RateReference;
  };
  readonly endpoint: TargetResult;
  readonly baseline?: TargetResult;
};

const admin = { email: 'bench-admin@load.example', password: randomBytes(12).toString('hex') };

/**
 * The whole benchmark: per run a fresh database (and one for the baseline), the product's server and
 * the baseline as processes of their own, then every scenario against the baseline and the endpoint,
 * each verified against the event store. Everything it created is dropped or deleted at the end.
 */
export async function runHarness(options: HarnessOptions): Promise<ScenarioRun[]> {
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const order = orderScenarios(options.scenarios, options.baseline, options.overrides);
  if (order[0] !== options.scenarios[0]) log(`max runs first: ${order.join(', ')}`);
  const urls = await servicesUp();
  if (order.some((name) => generatorsFor(scenarios[name], options.generator).includes('wrk')))
    await ensureWrk();
  const redisUrl = redisDatabaseUrl(urls.redis, options.redisDb);
  const stamp = new Date().toISOString().replace(/\D/g, '').slice(0, 14);
  const results: ScenarioRun[] = [];
  for (let run = 1; run <= options.runs; run++) {
    const dir = join(options.outDir, `${stamp}-run${run}`);
    mkdirSync(dir, { recursive: true });
    results.push(...(await oneRun({ options, order, run, dir, stamp, urls, redisUrl, log })));
  }
  return results;
}

type RunContext = {
  options: HarnessOptions;
  order: readonly ScenarioName[];
  run: number;
  dir: string;
  stamp: string;
  urls: { postgres: string; redis: string };
  redisUrl: string;
  log: (line: string) => void;
};

async function oneRun(context: RunContext): Promise<ScenarioRun[]> {
  const { options, run, dir, urls, redisUrl, log } = context;
  const tag = randomBytes(4).toString('hex');
  const jwtSecret = randomBytes(32).toString('hex');
  const databases: OwnDatabase[] = [];
  const servers: RunningServer[] = [];
  const endpointEvents: string[] = [];
  let lister: Awaited<ReturnType<typeof backendLister>> | undefined;
  let withdraw = async () => {};
  try {
    const endpointDb = await createDatabase(urls.postgres, `bench_load_${context.stamp}_${tag}`);
    databases.push(endpointDb);
    log(`run ${run}: database ${endpointDb.name}, redis ${redisUrl}, tag ${tag}`);
    const server = await startEndpointServer({
      role: options.role,
      databaseUrl: endpointDb.url,
      redisUrl,
      jwtSecret,
      admin,
      logFile: join(dir, 'server.log'),
      nodeOptions: options.serverNodeOptions,
      ...(options.serverEnv ? { env: { ...options.serverEnv } } : {}),
    });
    servers.push(server);
    log(`run ${run}: ${options.role} server pid ${server.child.pid} on ${server.url}`);
    withdraw = await announceToPrometheus(`load-${tag}`, [
      { url: server.url, job: `booking-rush-${options.role}` },
    ]);
    const targets: Target[] = [];
    if (options.baseline) {
      const baselineDb = await createDatabase(urls.postgres, `bench_load_${context.stamp}_${tag}_base`);
      databases.push(baselineDb);
      const baseline = await startBaselineServer({
        databaseUrl: baselineDb.url,
        redisUrl,
        keyPrefix: `bl:${tag}:`,
        logFile: join(dir, 'baseline.log'),
      });
      servers.push(baseline);
      log(`run ${run}: baseline pid ${baseline.child.pid} on ${baseline.url}`);
      targets.push(
        baselineTarget({ server: baseline, databaseUrl: baselineDb.url, redisUrl, keyPrefix: `bl:${tag}:` }),
      );
    }
    const token = await adminToken(server.url, admin);
    targets.push(
      endpointTarget({
        server,
        databaseUrl: endpointDb.url,
        redisUrl,
        adminToken: token,
        checkQueryModel: options.role === 'start',
      }),
    );

    lister = await backendLister(
      urls.postgres,
      databases.map((db) => db.name),
    );
    const redisPid = await redisServerPid(urls.redis);
    const { postmaster } = await postgresPids(urls.postgres);
    const groups = (target: Target): ProcessGroup[] => [
      {
        name: target.name === 'endpoint' ? `server (${options.role})` : 'baseline server',
        tree: target.server.child.pid,
      },
      { name: 'redis-server', pids: () => (redisPid ? [redisPid] : []) },
      { name: 'postgres (our backends)', pids: () => lister!.pids(), nested: true },
      ...(postmaster ? [{ name: 'postgres (whole server)', tree: postmaster }] : []),
    ];

    let nextBuyer = 0;
    const session: Session = {
      tag,
      jwtSecret,
      dir,
      log,
      groups,
      takeBuyers(count: number) {
        const first = nextBuyer;
        nextBuyer += count;
        return first;
      },
    };
    if (options.warmupSeconds > 0) {
      for (const target of targets) {
        const sale = await target.createSale(scenarios.max, `warm-up ${tag}`);
        if (target.name === 'endpoint') endpointEvents.push(sale.eventId);
        await measure(session, target, warmUp(options.warmupSeconds), sale, options, 'warmup');
        log(`run ${run}: warmed up ${target.name} for ${options.warmupSeconds} s`);
      }
    }
    const results: ScenarioRun[] = [];
    const baselineMax: BaselineMax = {};
    for (const name of context.order) {
      const { scenario, reference } = withOfferedRate(scenarios[name], baselineMax, options.overrides);
      if (reference)
        log(`run ${run} ${name}: ${scenario.overallRate}/s offered (${JSON.stringify(reference)})`);
      for (const generator of generatorsFor(scenario, options.generator)) {
        const byTarget: Partial<Record<Target['name'], TargetResult>> = {};
        let parameters: ScenarioRun['parameters'] | undefined;
        for (const target of targets) {
          const sale = await target.createSale(scenario, `${tag} run ${run}`);
          if (target.name === 'endpoint') endpointEvents.push(sale.eventId);
          const label = `${name}-${generator}-${target.name}`;
          const measured = await measure(session, target, scenario, sale, options, label, generator);
          byTarget[target.name] = measured.result;
          parameters = measured.parameters;
          const { load } = measured.result;
          if (name === 'max' && target.name === 'baseline') baselineMax[generator] = load.rps;
          log(`run ${run} ${name} ${generator} ${target.name}: ${describe(measured.result)}`);
        }
        results.push({
          scenario: name,
          generator,
          run,
          pids: Object.fromEntries(
            targets.map((target) => [
              target.name === 'endpoint' ? 'server' : 'baseline',
              target.server.child.pid,
            ]),
          ) as ScenarioRun['pids'],
          parameters: {
            ...parameters!,
            ...(reference ? { rateOfBaselineMax: scenario.rateOfBaselineMax, reference } : {}),
          },
          endpoint: byTarget.endpoint!,
          ...(byTarget.baseline ? { baseline: byTarget.baseline } : {}),
        });
      }
    }
    return results;
  } finally {
    await withdraw();
    await lister?.close().catch(() => undefined);
    for (const server of servers.reverse()) await server.child.stop();
    for (const db of databases)
      await db.drop().catch((error: unknown) => log(`drop ${db.name}: ${String(error)}`));
    const deleted = await deleteRedisKeys(
      redisUrl,
      [`*${tag}*`, ...endpointEvents.map((id) => `br:{evt:${id}}:*`)],
      [{ key: 'br:inventory:events', members: endpointEvents }],
    ).catch((error: unknown) => {
      log(`redis clean-up: ${String(error)}`);
      return 0;
    });
    log(`run ${run}: cleaned up (${databases.length} databases dropped, ${deleted} Redis keys deleted)`);
  }
}

function describe(result: TargetResult): string {
  const { load, verdict } = result;
  const paced = load.wrk?.paced;
  const late = paced ? `, ${paced.late} of ${paced.sends} sent > ${paced.lateMs} ms late` : '';
  return (
    `${load.rps}/s, p50 ${load.latency.p50} ms, p99 ${load.latency.p99} ms, max ${load.latency.max} ms, ` +
    `statuses ${JSON.stringify(load.statuses)}, errors ${(result.errorRate * 100).toFixed(3)}%${late}, ` +
    `server CPU ${result.serverCpuUsPerAnswer} µs/answer, verdict ${verdict.ok ? 'PASS' : 'FAIL'} ` +
    `(201s ${verdict.created}, BookingReserved ${verdict.reservedEvents}, lost ${verdict.lost})`
  );
}

/** The warm-up: the `max` shape with fewer connections, for the JIT; measured for nothing. */
const warmUp = (seconds: number): Scenario => ({
  ...scenarios.max,
  durationSeconds: seconds,
  connections: 50,
});
