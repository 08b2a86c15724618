export { createTestDatabase, testServerUrl, type TestDatabase } from './pg-test-database';
export { databaseDrivers } from './database-drivers';
