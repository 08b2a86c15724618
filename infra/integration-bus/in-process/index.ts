export { SqlIntegrationBus, type SqlIntegrationBusOptions } from './sql-integration-bus';
export { UnknownTopicError } from './sql-topics';
export { partitionOfKey } from './partition-of-key';
