// Suites share one Redis server (and one Redis Cluster), so none may flush it: each takes a key prefix of
// its own and deletes what it wrote under it.
import { randomBytes } from 'node:crypto';
import { Cluster, Redis } from 'ioredis';
import type { RedisTarget } from '../config';
import { clusterNode } from '../redis';

/** The shared test server (`TEST_REDIS_URL`, from `.services/env`). */
export function testRedisUrl(): string {
  const url = process.env.TEST_REDIS_URL;
  if (!url) {
    throw new Error(
      'TEST_REDIS_URL is not set: start the test servers with `npm run services up` and source .services/env, or run `npm test`',
    );
  }
  return url;
}

/**
 * The shared test Redis Cluster's seed nodes (`TEST_REDIS_CLUSTER_NODES`, from `.services/env`), or
 * undefined when it is not set: suites on the cluster then skip with `clusterSkipReason`.
 */
export function testRedisClusterNodes(): readonly string[] | undefined {
  const nodes = process.env.TEST_REDIS_CLUSTER_NODES?.trim();
  return nodes ? nodes.split(',').map((node) => node.trim()) : undefined;
}

/** Why a suite on the Redis Cluster skips (`TEST_REDIS_CLUSTER_NODES` unset), or false when it runs. */
export function clusterSkipReason(): string | false {
  return testRedisClusterNodes()
    ? false
    : 'TEST_REDIS_CLUSTER_NODES is not set: start the Redis Cluster with `npm run services up redis-cluster` and source .services/env (npm test and CI always do)';
}

/** A fresh prefix such as `test:prov:1a2b3c4d:`. */
export const testKeyPrefix = (suite: string): string => `test:${suite}:${randomBytes(4).toString('hex')}:`;

/** Deletes every key under `prefix` (SCAN + UNLINK, never FLUSHDB); on a cluster, on every master. */
export async function deleteKeysUnder(
  prefix: string,
  target: RedisTarget | string = testRedisUrl(),
): Promise<void> {
  if (typeof target !== 'string' && 'clusterNodes' in target) {
    const cluster = new Cluster(target.clusterNodes.map(clusterNode), { lazyConnect: true });
    try {
      await cluster.connect();
      await Promise.all(cluster.nodes('master').map((node) => unlinkUnder(node, prefix)));
    } finally {
      await cluster.quit();
    }
    return;
  }
  const redis = new Redis(typeof target === 'string' ? target : target.url);
  try {
    await unlinkUnder(redis, prefix);
  } finally {
    await redis.quit();
  }
}

async function unlinkUnder(redis: Redis, prefix: string): Promise<void> {
  for await (const keys of redis.scanStream({ match: `${prefix}*`, count: 1000 })) {
    // One UNLINK per key, pipelined: on a cluster node the keys of one batch may sit in different slots.
    if ((keys as string[]).length > 0)
      await redis.pipeline((keys as string[]).map((key) => ['unlink', key])).exec();
  }
}
