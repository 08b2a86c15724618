import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { RedisClient } from '../../../redis';
import { AppError } from '../../../../domain/shared';
import { defaultResultTtlMs, pollUntilSettled } from '../../../../command-side/idempotency';
import type {
  BeginOutcome,
  BeginRequest,
  IdempotencyStore,
  IdempotencyToken,
  SettledOutcome,
  StoredAnswer,
  WaitRequest,
} from '../../../ports/idempotency-store';

const lua = (name: string) => readFileSync(new URL(`./${name}.lua`, import.meta.url), 'utf8');
const scripts = { idemBegin: lua('begin'), idemComplete: lua('complete'), idemAbandon: lua('abandon') };

type Scripted = RedisClient & {
  idemBegin(key: string, fingerprint: string, nonce: string, ttlMs: number): Promise<(string | null)[]>;
  idemComplete(key: string, nonce: string, status: number, body: string, ttlMs: number): Promise<number>;
  idemAbandon(key: string, nonce: string): Promise<number>;
};

export type RedisIdempotencyOptions = {
  /** Prepended to every key (tests use a unique one per run). */
  keyPrefix?: string;
  /** Kept answers live this long (default 24 h). */
  resultTtlMs?: number;
};

/** Redis has to answer for a write to run: without it a retry could run twice, so we fail closed (503). */
const unavailable = (error: unknown) =>
  new AppError('SERVICE_UNAVAILABLE', 'Idempotency store is unavailable; retry with the same key', {
    cause: error instanceof Error ? error.message : String(error),
  });

/**
 * Idempotency keys in Redis: one hash per (scope, key) holding fingerprint, owner nonce and, once
 * complete, the answer. begin/complete/abandon are one EVALSHA each (ioredis falls back to EVAL on NOSCRIPT).
 * The scope sits in a hash tag, so a cluster keeps one user's keys together.
 */
export class RedisIdempotencyStore implements IdempotencyStore {
  private readonly redis: Scripted;
  private readonly prefix: string;
  private readonly resultTtlMs: number;

  constructor(redis: RedisClient, options: RedisIdempotencyOptions = {}) {
    for (const [name, script] of Object.entries(scripts)) {
      redis.defineCommand(name, { numberOfKeys: 1, lua: script });
    }
    this.redis = redis as Scripted;
    this.prefix = `${options.keyPrefix ?? ''}idem:`;
    this.resultTtlMs = options.resultTtlMs ?? defaultResultTtlMs;
  }

  redisKey(scope: string, key: string): string {
    return `${this.prefix}{${scope}}:${key}`;
  }

  async begin({ scope, key, fingerprint, ttlMs }: BeginRequest): Promise<BeginOutcome> {
    const nonce = randomUUID();
    const reply = await this.call(() =>
      this.redis.idemBegin(this.redisKey(scope, key), fingerprint, nonce, ttlMs),
    );
    switch (reply[0]) {
      case 'new':
        return { state: 'new', token: { scope, key, nonce } };
      case 'done':
        return { state: 'done', status: Number(reply[1]), body: JSON.parse(reply[2] ?? 'null') };
      case 'mismatch':
        return { state: 'mismatch' };
      default:
        return { state: 'in-flight' };
    }
  }

  async complete(token: IdempotencyToken, answer: StoredAnswer): Promise<boolean> {
    const body = JSON.stringify(answer.body ?? null);
    const key = this.redisKey(token.scope, token.key);
    return (
      (await this.call(() =>
        this.redis.idemComplete(key, token.nonce, answer.status, body, this.resultTtlMs),
      )) === 1
    );
  }

  async abandon(token: IdempotencyToken): Promise<boolean> {
    const key = this.redisKey(token.scope, token.key);
    return (await this.call(() => this.redis.idemAbandon(key, token.nonce))) === 1;
  }

  waitFor(request: WaitRequest): Promise<SettledOutcome> {
    return pollUntilSettled(request, (r) => this.peek(r));
  }

  private async peek({ scope, key, fingerprint }: WaitRequest): Promise<SettledOutcome> {
    const [fp, status, body] = await this.call(() =>
      this.redis.hmget(this.redisKey(scope, key), 'fp', 'status', 'body'),
    );
    if (!fp) return { state: 'absent' };
    if (fp !== fingerprint) return { state: 'mismatch' };
    if (status == null) return { state: 'in-flight' };
    return { state: 'done', status: Number(status), body: JSON.parse(body ?? 'null') };
  }

  private async call<T>(command: () => Promise<T>): Promise<T> {
    try {
      return await command();
    } catch (error) {
      throw unavailable(error);
    }
  }
}
