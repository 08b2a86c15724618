import type { Logger } from '../../logging';

/** How long consumers wait and how fast a group notices members come and go. */
export type KafkaConsumerTuning = {
  readonly sessionTimeoutMs: number;
  readonly heartbeatIntervalMs: number;
  readonly rebalanceTimeoutMs: number;
  /** Longest fetch wait; also bounds how long `stop()` waits for an idle consumer. */
  readonly maxWaitTimeMs: number;
  /** Partitions one subscriber handles at the same time (each in order). */
  readonly partitionsConsumedConcurrently: number;
  /** How long `subscribe` waits for the group to hand out partitions. */
  readonly joinTimeoutMs: number;
};

export type KafkaIntegrationBusOptions = {
  /** `host:port` list (KAFKA_BROKERS). */
  readonly brokers: readonly string[];
  readonly clientId?: string;
  /** Replication of created topics: 1 on a single broker, 3 in a real cluster. */
  readonly replicationFactor?: number;
  /** How long the first connection may take before the bus gives up with a clear error. */
  readonly connectTimeoutMs?: number;
  readonly consumer?: Partial<KafkaConsumerTuning>;
  /** Receives the client's errors (as warnings: kafkajs logs retriable hiccups as errors) and the bus's own. */
  readonly logger?: Logger;
};

export const defaultConsumerTuning: KafkaConsumerTuning = {
  sessionTimeoutMs: 30_000,
  heartbeatIntervalMs: 3_000,
  rebalanceTimeoutMs: 60_000,
  maxWaitTimeMs: 1_000,
  partitionsConsumedConcurrently: 4,
  joinTimeoutMs: 60_000,
};

/** For tests against the local broker: joins and stops in well under a second. */
export const fastConsumerTuning: KafkaConsumerTuning = {
  sessionTimeoutMs: 6_000,
  heartbeatIntervalMs: 200,
  rebalanceTimeoutMs: 5_000,
  maxWaitTimeMs: 100,
  partitionsConsumedConcurrently: 4,
  joinTimeoutMs: 20_000,
};
