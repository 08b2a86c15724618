export {
  clusterNode,
  createRedisClient,
  readyOf,
  type FailFastOptions,
  type RedisClient,
} from './redis-client';
