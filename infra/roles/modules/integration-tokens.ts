import type { ServiceIdentifier } from 'inversify';
import type { IntegrationRelay } from '../../integration-relay';
import type { IntegrationBus } from '../../ports/integration-bus';

/** What the integration modules bind: `integration-bus-module.ts` the bus, `relay-module.ts` the relay. */
export const IntegrationTokens = {
  /** Kafka when `KAFKA_BROKERS` is set; else the durable in-process bus in the SQL database. */
  Bus: Symbol('IntegrationBus') as ServiceIdentifier<IntegrationBus>,
  /** Publishes booking, payment and catalog events from the event store to the bus. */
  Relay: Symbol('IntegrationRelay') as ServiceIdentifier<IntegrationRelay>,
} as const;
