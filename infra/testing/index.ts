export { createTestDatabase, testServerUrl, type TestDatabase } from './pg-test-database';
export { databaseDrivers } from './database-drivers';
export { storeAndActorPerSuite, type StoreAndActor } from './store-and-actor';
export {
  clusterSkipReason,
  deleteKeysUnder,
  testKeyPrefix,
  testRedisClusterNodes,
  testRedisUrl,
} from './redis-keyspace';
/** The projections' test harness, for suites outside projections/ that run a projection (the saga). */
export { Harness as ProjectionHarness } from '../../projections/testing';
export { createTestMongoDatabase, type TestMongoDatabase } from './mongo-test-database';
export {
  startRedisCommandCounter,
  type RedisCommandCounter,
  type SeenCommand,
} from './redis-command-counter';
