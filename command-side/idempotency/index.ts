export { defaultResultTtlMs, isValidIdempotencyKey, maxKeyLength } from './policy';
export { requestFingerprint, stableJson } from './fingerprint';
export { pollUntilSettled } from './poll-until-settled';
export {
  runIdempotently,
  type Admission,
  type IdempotentAnswer,
  type IdempotentRequest,
} from './run-idempotently';
export { answerIdempotently, idempotencyKeyOf, successAnswer } from './answer-idempotently';
