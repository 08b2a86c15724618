export * from './integration-bus';
export {
  deadLetterHeaders,
  errorText,
  firstPerPartition,
  oldestFirst,
  parseDeadLetter,
  toDeadLetterMessage,
  type DeadLetterCause,
} from './dead-letters';
export {
  defaultRetryPolicy,
  deliverWithRetry,
  retryDelayMs,
  type DeliveryOptions,
  type DeliveryOutcome,
} from './retry';
