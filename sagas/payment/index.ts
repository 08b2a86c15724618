export { PaymentProcessor, type PaymentHandled, type PaymentProcessorDeps } from './payment-processor';
export { paymentsTopicHandler } from './topic-handler';
export { parseRelayedEvent, type RelayedEvent } from './relayed-event';
export { chargeRetryDelayMs, defaultChargeRetry, type ChargeRetryOptions } from './backoff';
export { chargeWithRetry, outcomeCommand, type ChargeDeps, type ChargeOutcome } from './charge-with-retry';
export { causedBy } from './causation';
export { nameUuid, outcomeEventId, refundEventId } from './event-ids';
