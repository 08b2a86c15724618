// The token-bucket rate limiter on a Redis Cluster of three masters: the same contract as on one server.
import { after, before, describe } from 'node:test';
import { recordingLogger } from '../../../http/test-support';
import { describeRateLimiterContract } from '../../../ports/rate-limiter/contract';
import type { RedisClient } from '../../../redis';
import { clusterSkipReason, deleteKeysUnder, testKeyPrefix, testRedisClusterNodes } from '../../../testing';
import { createLimitsRedis, readyOf } from '../redis-client';
import { RedisRateLimiter } from './redis-rate-limiter';

const clusterNodes = testRedisClusterNodes() ?? [];
const keyPrefix = testKeyPrefix('rl-cluster');

describe('Redis rate limiter on a Redis Cluster', { skip: clusterSkipReason() }, () => {
  let client: RedisClient;
  before(async () => {
    client = await readyOf(createLimitsRedis({ clusterNodes }));
  });
  after(async () => {
    await client.quit();
    await deleteKeysUnder(keyPrefix, { clusterNodes });
  });

  describeRateLimiterContract('Redis Cluster', {
    open: async () => new RedisRateLimiter(client, { keyPrefix, logger: recordingLogger() }),
    close: async () => undefined,
  });
});
