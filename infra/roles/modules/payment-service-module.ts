import { ContainerModule } from 'inversify';
import { PaymentProcessor, paymentsTopicHandler } from '../../../sagas/payment';
import type { Config } from '../../config';
import { TOKENS } from '../../di';
import { integrationTopics, processOnce } from '../../integration-relay';
import type { Logger } from '../../logging';
import type { EventStore } from '../../ports/event-store';
import type { Metrics } from '../../ports/metrics';
import {
  integrationHeaders,
  type DeliveredMessage,
  type IntegrationBus,
  type Subscription,
} from '../../ports/integration-bus';
import type { PaymentGateway } from '../../ports/payment-gateway';
import type { SqlClient } from '../../ports/sql';
import { IntegrationTokens } from './integration-tokens';
import { PaymentTokens } from './payment-tokens';

/** The consumer group of the payment service: one copy of each payment request across its instances. */
export const paymentServiceGroup = 'payment-service';

/** Skips an event this consumer already handled (delivery is at-least-once); its id is in the headers. */
function oncePerEvent(sql: SqlClient, handle: (message: DeliveredMessage) => Promise<void>) {
  return async (message: DeliveredMessage) => {
    const eventId = message.headers[integrationHeaders.eventId];
    if (!eventId) throw new TypeError(`message without an ${integrationHeaders.eventId} header`);
    await processOnce(sql, paymentServiceGroup, eventId, () => handle(message));
  };
}

/**
 * The payment service: consumes payment requests and refund requests from the payments topic, charges
 * and refunds through the gateway, and appends the outcome to the payment's stream.
 */
export const paymentServiceModule = new ContainerModule(({ bind }) => {
  bind(PaymentTokens.Processor)
    .toResolvedValue(
      (config: Config, logger: Logger, store: EventStore, gateway: PaymentGateway, metrics: Metrics) =>
        new PaymentProcessor({
          store,
          gateway,
          retry: { retries: config.payments.retries, baseDelayMs: config.payments.retryBaseMs },
          logger: logger.child({ component: 'payment-service' }),
          metrics,
        }),
      [TOKENS.Config, TOKENS.Logger, TOKENS.EventStore, PaymentTokens.Gateway, TOKENS.Metrics],
    )
    .inSingletonScope();
  bind(TOKENS.BackgroundService).toResolvedValue(
    (config: Config, sql: SqlClient, bus: IntegrationBus, processor: PaymentProcessor) => {
      let subscription: Subscription | undefined;
      return {
        name: 'payment-service',
        start: async () => {
          subscription = await bus.subscribe({
            groupId: paymentServiceGroup,
            topics: [integrationTopics(config.bus.topicPrefix).payments],
            handler: oncePerEvent(sql, paymentsTopicHandler(processor)),
            retry: {
              attempts: config.bus.retryAttempts,
              initialDelayMs: config.bus.retryBaseMs,
              maxDelayMs: 30_000,
            },
          });
        },
        stop: async () => {
          await subscription?.stop();
        },
      };
    },
    [TOKENS.Config, TOKENS.SqlClient, IntegrationTokens.Bus, PaymentTokens.Processor],
  );
});
