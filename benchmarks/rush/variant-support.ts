import { randomUUID } from 'node:crypto';
import { JwtAccessTokens } from '../../infra/auth';
import { MongoDocumentStore } from '../../infra/document-store/mongo';
import type { SqlClient } from '../../infra/ports/sql';
import type { ProcessGroup } from '../load/cpu';
import { deleteRedisKeys, postgresPids, redisServerPid, type OwnDatabase } from '../load/services';
import { generatorRow } from './measure-rush';
import type { RunningProcess } from './processes';
import { deleteTopicsWithPrefix, productBackends, servicePid, type RushServiceUrls } from './services';
import type { Variant } from './variants';

/** application_name of the probe's connections (left out of the run database's backends in the CPU table). */
export const probeApplication = 'bench-rush-probe';

/**
 * An admin access token for the probe's reads of `GET /admin/projections`, valid for a day: a signed-in
 * admin's lasts 15 minutes, less than a long run (the route checks the token's role, not the account).
 */
export async function probeToken(jwtSecret: string): Promise<string> {
  const userId = randomUUID();
  const issued = await new JwtAccessTokens(jwtSecret, { ttlSeconds: 86_400 }).issue({
    userId,
    email: `probe-${userId}@rush.example`,
    role: 'admin',
    tenantId: 'default',
  });
  return issued.accessToken;
}

export async function cpuGroups(
  processes: readonly RunningProcess[],
  urls: RushServiceUrls,
  variant: Variant,
  sql: SqlClient,
  databaseName: string,
): Promise<(generatorPid: number) => ProcessGroup[]> {
  const redisPid = await redisServerPid(urls.redis);
  const { postmaster } = await postgresPids(urls.postgres);
  const kafkaPid = variant.bus === 'kafka' ? await servicePid('kafka') : undefined;
  const ferretPid = variant.documents === 'mongo' ? await servicePid('ferretdb') : undefined;
  return (generatorPid) => [
    ...processes.map((process) => ({ name: process.spec.name, tree: process.child.pid })),
    // wrk runs as a child of the generator process: the tree counts it.
    { name: generatorRow, tree: generatorPid },
    { name: 'harness (probe)', pids: () => [process.pid] },
    { name: 'redis-server', pids: () => (redisPid ? [redisPid] : []) },
    {
      name: 'postgres (run database backends)',
      pids: () => productBackends(sql, databaseName, probeApplication),
      nested: true,
    },
    ...(postmaster ? [{ name: 'postgres (whole server)', tree: postmaster }] : []),
    ...(kafkaPid ? [{ name: 'kafka', tree: kafkaPid }] : []),
    ...(ferretPid ? [{ name: 'ferretdb', tree: ferretPid }] : []),
  ];
}

export async function cleanUp(context: {
  variant: Variant;
  urls: RushServiceUrls;
  options: { readonly redisUrl: string; readonly log: (line: string) => void };
  database: OwnDatabase | undefined;
  tag: string;
  topicPrefix: string;
  mongoUrl: string;
  events: readonly string[];
}): Promise<void> {
  const { log } = context.options;
  const problems: string[] = [];
  const attempt = async (what: string, work: () => Promise<unknown>) =>
    work().catch((error: unknown) => problems.push(`${what}: ${String(error)}`));
  if (context.database) await attempt('drop database', () => context.database!.drop());
  await attempt('redis keys', () =>
    deleteRedisKeys(
      context.options.redisUrl,
      [`*${context.tag}*`, ...context.events.map((id) => `br:{evt:${id}}:*`)],
      [{ key: 'br:inventory:events', members: context.events }],
    ),
  );
  if (context.variant.bus === 'kafka')
    await attempt('kafka topics', () =>
      deleteTopicsWithPrefix(context.urls.kafkaBrokers, context.topicPrefix),
    );
  if (context.variant.documents === 'mongo')
    await attempt('ferretdb database', async () => {
      const documents = await MongoDocumentStore.connect({ url: context.mongoUrl });
      try {
        await documents.dropDatabase();
      } finally {
        await documents.close();
      }
    });
  log(`${context.variant.name}: cleaned up${problems.length ? ` (problems: ${problems.join('; ')})` : ''}`);
}
