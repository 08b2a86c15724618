// The waiting line on a Redis Cluster of three masters: every key of an event's line shares its hash tag.
import { describe } from 'node:test';
import { describeWaitingLineContract } from '../../ports/waiting-line/contract';
import { clusterSkipReason, deleteKeysUnder, testKeyPrefix, testRedisClusterNodes } from '../../testing';
import { createInventoryRedis } from '../../inventory/redis/connection';
import { RedisWaitingLine } from './redis-waiting-line';

const clusterNodes = testRedisClusterNodes() ?? [];
/** A key prefix of our own: other suites share this cluster, so nothing here may flush it. */
const keyPrefix = testKeyPrefix('line-cluster');

describe('Redis waiting line on a Redis Cluster', { skip: clusterSkipReason() }, () => {
  describeWaitingLineContract('Redis Cluster + Lua (ioredis Cluster)', {
    open: async () => {
      const redis = createInventoryRedis({ clusterNodes });
      await redis.connect();
      return new RedisWaitingLine(redis, keyPrefix);
    },
    close: async (line) => {
      await line.close();
      await deleteKeysUnder(keyPrefix, { clusterNodes });
    },
    wipe: () => deleteKeysUnder(keyPrefix, { clusterNodes }),
  });
});
