import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import { Redis } from 'ioredis';
import pg from 'pg';

const run = promisify(execFile);
export const repoRoot = new URL('../../', import.meta.url).pathname;

export type ServiceUrls = { readonly postgres: string; readonly redis: string };

/**
 * Starts `services` through the project's script (idempotent: servers already running are left as they
 * are) and answers the variables of `.services/env`.
 */
export async function servicesEnv(services: readonly string[]): Promise<Record<string, string>> {
  await run('bash', ['infra/services/services.sh', 'up', ...services], {
    cwd: repoRoot,
    maxBuffer: 16 * 2 ** 20,
  });
  return Object.fromEntries(
    (await readFile(`${repoRoot}.services/env`, 'utf8'))
      .split('\n')
      .filter((line) => line.includes('='))
      .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]),
  );
}

/** PostgreSQL and Redis, and their addresses. */
export async function servicesUp(): Promise<ServiceUrls> {
  const env = await servicesEnv(['postgres', 'redis']);
  const postgres = env.TEST_DATABASE_URL;
  const redis = env.TEST_REDIS_URL;
  if (!postgres || !redis) throw new Error('.services/env lacks TEST_DATABASE_URL or TEST_REDIS_URL');
  return { postgres, redis };
}

/** Installs Debian's wrk when it is missing (idempotent; a fast no-op once installed). */
export async function ensureWrk(): Promise<void> {
  await run('bash', ['infra/services/lib/wrk.sh'], { cwd: repoRoot, maxBuffer: 16 * 2 ** 20 });
}

/** `wrk debian/4.1.0-3+b2` or so (`wrk -v` prints it with the usage and exits 1). */
export async function wrkVersion(): Promise<string> {
  const { stdout } = await run('wrk', ['-v']).catch((error: { stdout?: string }) => ({
    stdout: error.stdout ?? '',
  }));
  return /^wrk \S+/.exec(stdout)?.[0] ?? 'wrk (not installed)';
}

/** A database of its own on the shared server, dropped (WITH FORCE) by `drop()`. */
export type OwnDatabase = { readonly name: string; readonly url: string; drop(): Promise<void> };

async function onServer<T>(serverUrl: string, action: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    return await action(client);
  } finally {
    await client.end();
  }
}

export async function createDatabase(serverUrl: string, name: string): Promise<OwnDatabase> {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`Unsafe database name: ${name}`);
  await onServer(serverUrl, (client) => client.query(`CREATE DATABASE ${name}`));
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    name,
    url: url.toString(),
    async drop() {
      await onServer(serverUrl, (client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
    },
  };
}

/** The same Redis server, another logical database (`/<db>`): the tests use database 0. */
export function redisDatabaseUrl(redisUrl: string, db: number): string {
  const url = new URL(redisUrl);
  url.pathname = `/${db}`;
  return url.toString();
}

/**
 * Deletes the keys of one benchmark invocation, found by SCAN patterns (never FLUSHDB/FLUSHALL: another
 * run may share the logical database), and takes its events out of the sweeper's set.
 */
export async function deleteRedisKeys(
  redisUrl: string,
  patterns: readonly string[],
  eventSets: { key: string; members: readonly string[] }[] = [],
): Promise<number> {
  const redis = new Redis(redisUrl, { lazyConnect: true, maxRetriesPerRequest: 1 });
  await redis.connect();
  let deleted = 0;
  try {
    for (const pattern of patterns) {
      let cursor = '0';
      do {
        const [next, keys] = await redis.scan(cursor, 'MATCH', pattern, 'COUNT', 5000);
        cursor = next;
        if (keys.length > 0) deleted += await redis.unlink(...keys);
      } while (cursor !== '0');
    }
    for (const { key, members } of eventSets) if (members.length > 0) await redis.srem(key, ...members);
  } finally {
    await redis.quit().catch(() => redis.disconnect());
  }
  return deleted;
}

/** The pid of the Redis server (INFO server), for the CPU table. */
export async function redisServerPid(redisUrl: string): Promise<number | undefined> {
  const redis = new Redis(redisUrl, { lazyConnect: true, maxRetriesPerRequest: 1 });
  await redis.connect();
  try {
    const info = await redis.info('server');
    const match = /process_id:(\d+)/.exec(info);
    return match ? Number(match[1]) : undefined;
  } finally {
    await redis.quit().catch(() => redis.disconnect());
  }
}

/** The postmaster's pid (the parent of any backend), and the backends now connected to `database`. */
export async function postgresPids(serverUrl: string): Promise<{ postmaster: number | undefined }> {
  return onServer(serverUrl, async (client) => {
    const { rows } = await client.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
    const backend = rows[0]?.pid;
    if (backend === undefined) return { postmaster: undefined };
    const stat = await readFile(`/proc/${backend}/stat`, 'utf8').catch(() => '');
    const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    return { postmaster: Number.isFinite(ppid) && ppid > 1 ? ppid : undefined };
  });
}

/** A reusable query of the backends connected to some databases (one connection kept open). */
export async function backendLister(serverUrl: string, databases: readonly string[]) {
  const client = new pg.Client({ connectionString: serverUrl, application_name: 'bench-load-cpu' });
  await client.connect();
  return {
    async pids(): Promise<number[]> {
      const { rows } = await client.query<{ pid: number }>(
        'SELECT pid FROM pg_stat_activity WHERE datname = ANY($1) AND pid <> pg_backend_pid()',
        [databases],
      );
      return rows.map((row) => row.pid);
    },
    close: () => client.end(),
  };
}
