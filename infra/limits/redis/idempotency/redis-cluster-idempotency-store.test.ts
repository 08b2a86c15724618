// The idempotency-key store on a Redis Cluster of three masters: the same contract as on one server.
import { after, before, describe } from 'node:test';
import { describeIdempotencyContract } from '../../../ports/idempotency-store/contract';
import type { RedisClient } from '../../../redis';
import { clusterSkipReason, deleteKeysUnder, testKeyPrefix, testRedisClusterNodes } from '../../../testing';
import { createLimitsRedis, readyOf } from '../redis-client';
import { RedisIdempotencyStore } from './redis-idempotency-store';

const clusterNodes = testRedisClusterNodes() ?? [];
const keyPrefix = testKeyPrefix('idem-cluster');
const resultTtlMs = 60 * 60 * 1000;

describe('Redis idempotency store on a Redis Cluster', { skip: clusterSkipReason() }, () => {
  let client: RedisClient;
  before(async () => {
    client = await readyOf(createLimitsRedis({ clusterNodes }));
  });
  after(async () => {
    await client.quit();
    await deleteKeysUnder(keyPrefix, { clusterNodes });
  });

  describeIdempotencyContract('Redis Cluster', {
    resultTtlMs,
    open: async () => new RedisIdempotencyStore(client, { keyPrefix, resultTtlMs }),
    close: async () => undefined,
    ttlOf: async (store, scope, key) => {
      const ttl = await client.pttl((store as RedisIdempotencyStore).redisKey(scope, key));
      return ttl < 0 ? undefined : ttl;
    },
  });
});
