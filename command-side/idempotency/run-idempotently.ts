import { AppError } from '../../domain/shared';
import { errorBody } from '../../infra/http-edge';
import type { BeginOutcome, IdempotencyStore, StoredAnswer } from '../../infra/ports/idempotency-store';

export type IdempotentRequest = {
  readonly scope: string;
  readonly key: string;
  readonly fingerprint: string;
  /** In-flight claim lifetime: longer than the slowest run of `work` (default 30 s). */
  readonly ttlMs?: number;
  /** How long a retry waits for its in-flight twin before answering 503 (default 5 s). */
  readonly waitMs?: number;
};

export type IdempotentAnswer = StoredAnswer & { readonly replayed: boolean };

/**
 * A check that must pass before the work may run (a rate limit): it runs alongside the first `begin`,
 * so both cost one round trip together. Throws to refuse; a key claimed meanwhile is then abandoned.
 */
export type Admission = () => Promise<void>;

const defaultTtlMs = 30_000;
const defaultWaitMs = 5_000;

const reused = () =>
  new AppError('IDEMPOTENCY_KEY_REUSED', 'This Idempotency-Key was used with a different request body');
const stillRunning = () =>
  new AppError(
    'SERVICE_UNAVAILABLE',
    'A request with this Idempotency-Key is still being processed; retry with the same key',
  );

/**
 * Runs `work` at most once per (scope, key): begin → work → complete. `work` answers the full response
 * (status and envelope). A 4xx AppError is stored as its envelope too — a retry must get the same answer;
 * a 5xx or unknown error abandons the key (a retry may run again) and is rethrown. A retry meeting a
 * running twin waits for its answer; a reuse with another body throws 422 IDEMPOTENCY_KEY_REUSED.
 */
export async function runIdempotently(
  store: IdempotencyStore,
  request: IdempotentRequest,
  work: () => Promise<StoredAnswer>,
  admission?: Admission,
): Promise<IdempotentAnswer> {
  const { scope, key, fingerprint } = request;
  const deadline = Date.now() + (request.waitMs ?? defaultWaitMs);
  let admitted = admission ? admitAlongside(store, admission) : undefined;
  for (;;) {
    const begin = store.begin({ scope, key, fingerprint, ttlMs: request.ttlMs ?? defaultTtlMs });
    const begun = admitted ? await admitted(begin) : await begin;
    admitted = undefined;
    if (begun.state === 'new') return { ...(await runOwned(store, begun.token, work)), replayed: false };
    if (begun.state === 'done') return { status: begun.status, body: begun.body, replayed: true };
    if (begun.state === 'mismatch') throw reused();
    const timeoutMs = deadline - Date.now();
    if (timeoutMs <= 0) throw stillRunning();
    const settled = await store.waitFor({ scope, key, fingerprint, timeoutMs });
    if (settled.state === 'done') return { status: settled.status, body: settled.body, replayed: true };
    if (settled.state === 'mismatch') throw reused();
    if (settled.state === 'in-flight') throw stillRunning();
    // 'absent': the owner abandoned; claim the key ourselves on the next turn.
  }
}

/** Runs the admission and `begin` at once; a refusal abandons a key `begin` claimed and is rethrown. */
function admitAlongside(store: IdempotencyStore, admission: Admission) {
  return async (begin: Promise<BeginOutcome>): Promise<BeginOutcome> => {
    const [admitted, begun] = await Promise.allSettled([admission(), begin]);
    if (admitted.status === 'fulfilled') {
      if (begun.status === 'rejected') throw begun.reason;
      return begun.value;
    }
    if (begun.status === 'fulfilled' && begun.value.state === 'new') {
      await store.abandon(begun.value.token).catch(() => false);
    }
    throw admitted.reason;
  };
}

async function runOwned(
  store: IdempotencyStore,
  token: Parameters<IdempotencyStore['complete']>[0],
  work: () => Promise<StoredAnswer>,
): Promise<StoredAnswer> {
  let answer: StoredAnswer;
  try {
    answer = await work();
  } catch (error) {
    if (!(error instanceof AppError) || error.status >= 500) {
      // A lost abandon is harmless: the claim lapses after its TTL.
      await store.abandon(token).catch(() => false);
      throw error;
    }
    answer = { status: error.status, body: errorBody(error) };
  }
  // The answer goes to the client without waiting for it to be stored: a retry arriving meanwhile finds
  // the key in flight and waits for it. If storing fails (store down) the claim lapses after its TTL, and
  // the work itself must tolerate that retry (the hold is keyed too).
  void store.complete(token, answer).catch(() => false);
  return answer;
}
