export { createTestDatabase, testServerUrl, type TestDatabase } from './pg-test-database';
