import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, startNodeChild, waitUntilReady, type Child } from '../load/child-process';
import type { ProcessGroup } from '../load/cpu';
import {
  createDatabase,
  deleteRedisKeys,
  postgresPids,
  redisDatabaseUrl,
  redisServerPid,
  servicesUp,
  type OwnDatabase,
} from '../load/services';
import { serverMemoryReader, type ServerMemory } from './memory';
import type { QueueOptions } from './options';

/** The product's `start` role (everything in one process) as the storm's server. */
export type ProductServer = {
  readonly url: string;
  readonly child: Child;
  readonly logFile: string;
  readonly jwtSecret: string;
  readonly admin: { readonly email: string; readonly password: string };
  /** Random hex: names the run's database, Redis key prefix and buyers. */
  readonly tag: string;
  /** What the server runs on, for the report. */
  readonly storage: string;
  /** The run's Redis database URL (--redis only). */
  readonly redisUrl?: string;
  /** process.memoryUsage() of the server (after a full collection when `gc`) and its RSS. */
  memory(gc: boolean): Promise<ServerMemory>;
  /** The CPU table's rows besides the load generator: the server, Redis and PostgreSQL when used. */
  cpuGroups(): Promise<ProcessGroup[]>;
  /** Stops the server, drops the database or data directory, deletes the run's Redis keys. */
  close(): Promise<void>;
};

/** `BENCH_SERVER_<NAME>=value` in the benchmark's environment sets `<NAME>` for the server (experiments). */
function serverOverrides(env: NodeJS.ProcessEnv): Record<string, string> {
  const prefix = 'BENCH_SERVER_';
  return Object.fromEntries(
    Object.entries(env)
      .filter(([name, value]) => name.startsWith(prefix) && value !== undefined)
      .map(([name, value]) => [name.slice(prefix.length), value!]),
  );
}

const memoryPreload = new URL('./server-memory.ts', import.meta.url).href;

/**
 * Starts the product on its embedded stores (PGlite in a data directory of its own, the in-process
 * waiting line and seat counters) or, with `--redis`, on PostgreSQL (a database of its own) and Redis
 * (its own key prefix in `--redis-db`) from `infra/services`. The queue's rate limits stay the product's;
 * only the reservation bucket is raised, as in the other benchmarks.
 */
export async function startProductServer(
  options: QueueOptions,
  dir: string,
  stamp: string,
): Promise<ProductServer> {
  const tag = randomBytes(4).toString('hex');
  const jwtSecret = randomBytes(32).toString('hex');
  const admin = { email: 'bench-admin@queue.example', password: randomBytes(12).toString('hex') };
  const logFile = join(dir, 'server.log');
  let database: OwnDatabase | undefined;
  let dataDir: string | undefined;
  let redisUrl: string | undefined;
  let postgresUrl: string | undefined;
  const storageEnv: Record<string, string> = {};
  if (options.mode === 'redis') {
    const urls = await servicesUp();
    postgresUrl = urls.postgres;
    database = await createDatabase(urls.postgres, `bench_queue_${stamp}_${tag}`);
    redisUrl = redisDatabaseUrl(urls.redis, options.redisDb);
    Object.assign(storageEnv, {
      EVENT_STORE: 'postgres',
      SQL_DRIVER: 'postgres',
      DATABASE_URL: database.url,
      REDIS_URL: redisUrl,
      REDIS_KEY_PREFIX: `bench-queue-${tag}:`,
    });
  } else {
    dataDir = mkdtempSync(join(tmpdir(), 'bench-queue-'));
    Object.assign(storageEnv, { EVENT_STORE: 'pglite', SQL_DRIVER: 'pglite', DATA_DIR: dataDir });
  }
  const cleanUp = async () => {
    if (database) await database.drop().catch(() => undefined);
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
    if (redisUrl)
      await deleteRedisKeys(redisUrl, [`bench-queue-${tag}:*`, `*${tag}*`]).catch(() => undefined);
  };
  const port = await freePort();
  const child = startNodeChild('infra/cli/main.ts', ['start'], {
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      NODE_ENV: 'production',
      JWT_SECRET: jwtSecret,
      DEMO_SEED: 'off',
      HOST: '127.0.0.1',
      PORT: String(port),
      LOG_LEVEL: options.logLevel,
      BOOTSTRAP_ADMIN_EMAIL: admin.email,
      BOOTSTRAP_ADMIN_PASSWORD: admin.password,
      RATE_LIMITS: 'reserve=1000000/1000000',
      RESERVATION_TTL_SECONDS: '600',
      // The buyers' addresses come in X-Forwarded-For, as from one reverse proxy.
      ...(options.ownAddresses ? { TRUST_PROXY_HOPS: '1' } : {}),
      ...storageEnv,
      ...serverOverrides(process.env),
    },
    logFile,
    ipc: true,
    nodeOptions: ['--expose-gc', `--import=${memoryPreload}`],
  });
  const url = `http://127.0.0.1:${port}`;
  try {
    await waitUntilReady(`${url}/ready`, child, 120_000);
  } catch (error) {
    await child.stop(2000);
    await cleanUp();
    throw new Error(`The server did not become ready (log: ${logFile})`, { cause: error });
  }
  const memory = serverMemoryReader(child.process);
  return {
    url,
    child,
    logFile,
    jwtSecret,
    admin,
    tag,
    storage:
      options.mode === 'redis'
        ? `PostgreSQL (database ${database!.name}) and Redis (db ${options.redisDb}, prefix bench-queue-${tag}:)`
        : 'embedded: PGlite and the in-process waiting line, seat counters and limits',
    ...(redisUrl ? { redisUrl } : {}),
    memory,
    async cpuGroups() {
      const groups: ProcessGroup[] = [{ name: 'server (start role)', tree: child.pid }];
      if (redisUrl) {
        const redisPid = await redisServerPid(redisUrl);
        if (redisPid) groups.push({ name: 'redis-server', pids: () => [redisPid] });
      }
      if (postgresUrl) {
        const { postmaster } = await postgresPids(postgresUrl);
        if (postmaster) groups.push({ name: 'postgres (whole server)', tree: postmaster });
      }
      return groups;
    },
    async close() {
      await child.stop();
      await cleanUp();
    },
  };
}
