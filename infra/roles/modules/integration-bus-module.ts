import { ContainerModule } from 'inversify';
import type { Config } from '../../config';
import { TOKENS } from '../../di';
import { SqlIntegrationBus } from '../../integration-bus/in-process';
import { KafkaIntegrationBus } from '../../integration-bus/kafka';
import { TracedIntegrationBus } from '../../integration-bus/traced-integration-bus';
import { topicsFor } from '../../integration-relay';
import type { Logger } from '../../logging';
import type { IntegrationBus, TopicSpec } from '../../ports/integration-bus';
import type { GaugeSample, Metrics } from '../../ports/metrics';
import type { SqlClient } from '../../ports/sql';
import { systems, tracingActive } from '../../tracing';
import { StartupError, connectionReason } from '../startup-error';
import { IntegrationTokens } from './integration-tokens';

/**
 * Kafka when `KAFKA_BROKERS` is set (a clear StartupError when unreachable), else the SQL bus; with
 * messaging spans while tracing is on.
 */
export async function openBus(config: Config, logger: Logger, sql: SqlClient): Promise<IntegrationBus> {
  const bus = await openAdapter(config, logger, sql);
  if (!tracingActive()) return bus;
  return new TracedIntegrationBus(bus, { system: config.kafkaBrokers ? systems.kafka : systems.sqlBus });
}

async function openAdapter(config: Config, logger: Logger, sql: SqlClient): Promise<IntegrationBus> {
  const busLogger = logger.child({ component: 'integration-bus' });
  if (!config.kafkaBrokers) return SqlIntegrationBus.open(sql, { logger: busLogger });
  try {
    const sessionTimeoutMs = config.bus.kafkaSessionTimeoutMs;
    return await KafkaIntegrationBus.connect({
      brokers: config.kafkaBrokers,
      logger: busLogger,
      consumer: {
        sessionTimeoutMs,
        heartbeatIntervalMs: Math.max(100, Math.floor(sessionTimeoutMs / 10)),
        rebalanceTimeoutMs: Math.max(sessionTimeoutMs, 5000),
      },
    });
  } catch (error) {
    throw new StartupError(
      `KAFKA_BROKERS: cannot connect to ${config.kafkaBrokers.join(',')} (${connectionReason(error)})`,
      { cause: error },
    );
  }
}

/** `booking_rush_dead_letters{topic}`: the messages parked on each topic's dead-letter topic now. */
async function parkedPerTopic(bus: IntegrationBus, topics: readonly TopicSpec[]): Promise<GaugeSample[]> {
  const counts = await Promise.all(topics.map((topic) => bus.countDeadLetters(topic.name)));
  return topics.map((topic, index) => ({ labels: { topic: topic.name }, value: counts[index]! }));
}

/**
 * The integration bus, with the product's topics created before anything publishes or subscribes (load
 * it before the relay and the consumers: it closes after them).
 */
export const integrationBusModule = new ContainerModule(({ bind }) => {
  bind(IntegrationTokens.Bus)
    .toResolvedValue(openBus, [TOKENS.Config, TOKENS.Logger, TOKENS.SqlClient])
    .inSingletonScope();
  bind(TOKENS.BackgroundService).toResolvedValue(
    (config: Config, bus: IntegrationBus, metrics: Metrics) => {
      const topics = topicsFor(config.bus.topicPrefix);
      let stopSampling: (() => void) | undefined;
      return {
        name: 'integration-bus',
        start: async () => {
          await bus.ensureTopics(topics);
          stopSampling = metrics.sample('deadLetters', () => parkedPerTopic(bus, topics));
        },
        stop: async () => {
          stopSampling?.();
          await bus.close();
        },
      };
    },
    [TOKENS.Config, IntegrationTokens.Bus, TOKENS.Metrics],
  );
});
