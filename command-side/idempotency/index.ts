export {
  defaultResultTtlMs,
  isValidIdempotencyKey,
  maxKeyLength,
  type BeginOutcome,
  type BeginRequest,
  type IdempotencyStore,
  type IdempotencyToken,
  type SettledOutcome,
  type StoredAnswer,
  type WaitRequest,
} from './idempotency-store';
export { requestFingerprint, stableJson } from './fingerprint';
export { pollUntilSettled } from './poll-until-settled';
export {
  runIdempotently,
  type Admission,
  type IdempotentAnswer,
  type IdempotentRequest,
} from './run-idempotently';
export { answerIdempotently, idempotencyKeyOf, successAnswer } from './answer-idempotently';
