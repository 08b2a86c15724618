export { IntegrationRelay, type IntegrationRelayDeps } from './integration-relay';
export type { IntegrationRelayOptions, RelayState, RelayStatus } from './relay-options';
export {
  defaultTopicPartitions,
  defaultTopicPrefix,
  integrationTopics,
  relayedCategories,
  topicOfStream,
  topicsFor,
  type IntegrationTopicName,
} from './relay-topics';
export { toIntegrationMessage, type IntegrationEvent } from './integration-message';
export { processOnce, processOnceInTransaction, type ProcessOnceResult } from './process-once';
