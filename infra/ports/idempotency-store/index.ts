export type {
  BeginOutcome,
  BeginRequest,
  IdempotencyStore,
  IdempotencyToken,
  SettledOutcome,
  StoredAnswer,
  WaitRequest,
} from './idempotency-store';
