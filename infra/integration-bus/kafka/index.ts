export { KafkaIntegrationBus } from './kafka-integration-bus';
export { KafkaUnavailableError } from './kafka-unavailable';
export {
  defaultConsumerTuning,
  fastConsumerTuning,
  type KafkaConsumerTuning,
  type KafkaIntegrationBusOptions,
} from './kafka-options';
