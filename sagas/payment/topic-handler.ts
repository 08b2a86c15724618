import type { DeliveredMessage } from '../../infra/ports/integration-bus';
import type { PaymentProcessor } from './payment-processor';
import { parseRelayedEvent } from './relayed-event';

/**
 * The payments topic's subscriber: hands each relayed event to the processor. A value that is not a
 * relayed event throws, so the bus dead-letters it; other event types are ignored.
 */
export function paymentsTopicHandler(
  processor: PaymentProcessor,
): (message: DeliveredMessage) => Promise<void> {
  return async (message) => {
    await processor.handle(parseRelayedEvent(message.value));
  };
}
