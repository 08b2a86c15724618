import { defaultResultTtlMs, pollUntilSettled } from '../../../command-side/idempotency';
import type {
  BeginOutcome,
  BeginRequest,
  IdempotencyStore,
  IdempotencyToken,
  SettledOutcome,
  StoredAnswer,
  WaitRequest,
} from '../../ports/idempotency-store';

/** The answer is kept as JSON text, as in Redis: a replay never shares objects with the first answer. */
type Entry = {
  fingerprint: string;
  nonce: string;
  answer?: { status: number; json: string };
  expiresAt: number;
};

export type InProcessIdempotencyOptions = {
  /** Kept answers live this long (default 24 h). */
  resultTtlMs?: number;
  /** Milliseconds since the epoch; tests pass a fake one to move time. */
  now?: () => number;
};

const idOf = (scope: string, key: string) => `${scope}\u0000${key}`;

/** The embedded mode's store: one Map; every call is synchronous inside, so each is atomic. */
export class InProcessIdempotencyStore implements IdempotencyStore {
  private readonly entries = new Map<string, Entry>();
  private readonly resultTtlMs: number;
  private readonly now: () => number;
  private nextNonce = 0;

  constructor(options: InProcessIdempotencyOptions = {}) {
    this.resultTtlMs = options.resultTtlMs ?? defaultResultTtlMs;
    this.now = options.now ?? Date.now;
  }

  async begin({ scope, key, fingerprint, ttlMs }: BeginRequest): Promise<BeginOutcome> {
    this.sweep();
    const seen = this.peekNow(scope, key, fingerprint);
    if (seen.state !== 'absent') return seen;
    const nonce = String(++this.nextNonce);
    this.entries.set(idOf(scope, key), { fingerprint, nonce, expiresAt: this.now() + ttlMs });
    return { state: 'new', token: { scope, key, nonce } };
  }

  async complete(token: IdempotencyToken, answer: StoredAnswer): Promise<boolean> {
    const entry = this.owned(token);
    if (!entry) return false;
    // Re-inserted at the end so the Map stays roughly in expiry order for `sweep`.
    this.entries.delete(idOf(token.scope, token.key));
    this.entries.set(idOf(token.scope, token.key), {
      ...entry,
      answer: { status: answer.status, json: JSON.stringify(answer.body ?? null) },
      expiresAt: this.now() + this.resultTtlMs,
    });
    return true;
  }

  async abandon(token: IdempotencyToken): Promise<boolean> {
    return this.owned(token) !== undefined && this.entries.delete(idOf(token.scope, token.key));
  }

  waitFor(request: WaitRequest): Promise<SettledOutcome> {
    return pollUntilSettled(request, async (r) => this.peekNow(r.scope, r.key, r.fingerprint));
  }

  /** Milliseconds the key has left, or undefined when absent (for tests). */
  ttlOf(scope: string, key: string): number | undefined {
    const entry = this.live(idOf(scope, key));
    return entry && entry.expiresAt - this.now();
  }

  private peekNow(scope: string, key: string, fingerprint: string): SettledOutcome {
    const entry = this.live(idOf(scope, key));
    if (!entry) return { state: 'absent' };
    if (entry.fingerprint !== fingerprint) return { state: 'mismatch' };
    if (!entry.answer) return { state: 'in-flight' };
    return { state: 'done', status: entry.answer.status, body: JSON.parse(entry.answer.json) as unknown };
  }

  private owned(token: IdempotencyToken): Entry | undefined {
    const entry = this.live(idOf(token.scope, token.key));
    return entry && !entry.answer && entry.nonce === token.nonce ? entry : undefined;
  }

  private live(id: string): Entry | undefined {
    const entry = this.entries.get(id);
    if (entry && entry.expiresAt <= this.now()) {
      this.entries.delete(id);
      return undefined;
    }
    return entry;
  }

  /** Drops a few lapsed entries from the front on each begin, so memory stays bounded without a timer. */
  private sweep(): void {
    let budget = 4;
    for (const [id, entry] of this.entries) {
      if (budget-- === 0 || entry.expiresAt > this.now()) return;
      this.entries.delete(id);
    }
  }
}
