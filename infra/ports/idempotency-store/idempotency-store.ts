/** A finished answer to a request: what a retry with the same key gets again. */
export type StoredAnswer = { readonly status: number; readonly body: unknown };

/** Proof of owning a key after `begin` said `new`; hand it to `complete` or `abandon`. */
export type IdempotencyToken = { readonly scope: string; readonly key: string; readonly nonce: string };

export type BeginRequest = {
  /** Whose key it is (the user id): keys of different users never meet. */
  readonly scope: string;
  /** The Idempotency-Key header, 1–200 characters. */
  readonly key: string;
  /** `requestFingerprint(method, path, body)`: same key with another fingerprint is a reuse. */
  readonly fingerprint: string;
  /** How long the in-flight claim lives if its owner never completes (a crashed process frees it). */
  readonly ttlMs: number;
};

export type BeginOutcome =
  | { readonly state: 'new'; readonly token: IdempotencyToken }
  | ({ readonly state: 'done' } & StoredAnswer)
  | { readonly state: 'in-flight' }
  | { readonly state: 'mismatch' };

/** What `waitFor` can see: `absent` means the owner abandoned (or the claim lapsed) — begin again. */
export type SettledOutcome =
  | ({ readonly state: 'done' } & StoredAnswer)
  | { readonly state: 'in-flight' }
  | { readonly state: 'mismatch' }
  | { readonly state: 'absent' };

export type WaitRequest = Omit<BeginRequest, 'ttlMs'> & { readonly timeoutMs: number };

/** Remembers the answer to each (scope, key) so a retried write is answered, never run twice. */
export interface IdempotencyStore {
  /** One atomic step: claim the key, or report the earlier answer, a running owner, or a reuse. */
  begin(request: BeginRequest): Promise<BeginOutcome>;
  /** Stores the answer (kept for the store's result TTL, 24 h by default). False if the claim was lost. */
  complete(token: IdempotencyToken, answer: StoredAnswer): Promise<boolean>;
  /** Frees the key (e.g. after a 503) so a retry runs again. False if the claim was already gone. */
  abandon(token: IdempotencyToken): Promise<boolean>;
  /** The answer once it lands; `in-flight` if it has not by `timeoutMs`. */
  waitFor(request: WaitRequest): Promise<SettledOutcome>;
}
