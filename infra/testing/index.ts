export { createTestDatabase, testServerUrl, type TestDatabase } from './pg-test-database';
export { databaseDrivers } from './database-drivers';
export { storeAndActorPerSuite, type StoreAndActor } from './store-and-actor';
export { deleteKeysUnder, testKeyPrefix, testRedisUrl } from './redis-keyspace';
