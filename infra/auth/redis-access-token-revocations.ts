import { AppError } from '../../domain/shared';
import type { Logger } from '../logging';
import type { AccessTokenRevocations, RevocableToken, Role } from '../ports/auth';
import { roles } from '../ports/auth';
import type { RedisClient } from '../redis';
import { InProcessAccessTokenRevocations } from './in-process-access-token-revocations';

export type RedisRevocationsOptions = {
  /** How long a revocation is kept: an access token's lifetime. */
  readonly ttlMs: number;
  /** How often the others' revocations are read. */
  readonly pollMs: number;
  /** Prepended to the stream's key (tests use a unique one per run). */
  readonly keyPrefix: string;
  /** Told (at most once per 10 s) when the others' revocations cannot be read. */
  readonly logger: Logger;
  readonly clock?: () => number;
};

type StreamReply = [key: string, entries: [id: string, fields: string[]][]][] | null;

/** Entries read per XREAD. */
const batch = 1000;
/** Stream ids carry the Redis server's clock: reach back this much further than a token lives. */
const clockSlackMs = 60_000;

/**
 * Revocations shared by every API process through one Redis stream, `<prefix>access-token-revocations`.
 * A revocation is applied to this process's memory at once, then appended (XADD, the stream trimmed to
 * about a token's lifetime); every `pollMs` each process reads what was appended since the last id it
 * saw (XREAD). `isRevoked` reads memory only: a request never waits on Redis for it, and another process
 * accepts a revoked token for at most `pollMs` (plus its own lag).
 *
 * An append that fails answers 503 SERVICE_UNAVAILABLE: the caller's command (logout, role change) is
 * recorded already and safe to repeat, and repeating it appends the revocation again.
 */
export class RedisAccessTokenRevocations implements AccessTokenRevocations {
  private readonly memory: InProcessAccessTokenRevocations;
  private readonly clock: () => number;
  private readonly key: string;
  /** The last stream id applied. */
  private lastId: string;
  /** Reads run one after another: a caller's `poll()` sees everything appended before it. */
  private reads: Promise<void> = Promise.resolve();
  private timer: NodeJS.Timeout | undefined;
  private lastWarnAt = -Infinity;

  constructor(
    private readonly redis: RedisClient,
    private readonly options: RedisRevocationsOptions,
  ) {
    this.clock = options.clock ?? Date.now;
    this.memory = new InProcessAccessTokenRevocations({ ttlMs: options.ttlMs, clock: this.clock });
    this.key = `${options.keyPrefix}access-token-revocations`;
    this.lastId = `${Date.now() - options.ttlMs - clockSlackMs}-0`;
  }

  async revokeSession(sessionId: string): Promise<void> {
    const at = this.clock();
    this.memory.applySession(sessionId, at);
    await this.append(['kind', 'session', 'sessionId', sessionId, 'at', String(at)]);
  }

  async revokeOtherRoles(userId: string, role: Role): Promise<void> {
    const at = this.clock();
    this.memory.applyRole(userId, role, at);
    await this.append(['kind', 'role', 'userId', userId, 'role', role, 'at', String(at)]);
  }

  isRevoked(token: RevocableToken): boolean {
    return this.memory.isRevoked(token);
  }

  /** Reads the revocations of the last token lifetime, then keeps reading new ones every `pollMs`. */
  async start(): Promise<void> {
    await this.poll();
    this.timer = setInterval(
      () => void this.poll().catch((error: unknown) => this.warn(error)),
      this.options.pollMs,
    );
    this.timer.unref();
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.reads;
  }

  /** Applies everything appended to the stream so far (by any process); the interval calls it too. */
  poll(): Promise<void> {
    const read = this.reads.then(() => this.readNew());
    this.reads = read.catch(() => {});
    return read;
  }

  private async readNew(): Promise<void> {
    for (;;) {
      const reply = (await this.redis.xread('COUNT', batch, 'STREAMS', this.key, this.lastId)) as StreamReply;
      const entries = reply?.[0]?.[1] ?? [];
      for (const [id, fields] of entries) {
        this.apply(fields);
        this.lastId = id;
      }
      if (entries.length < batch) return;
    }
  }

  private apply(fields: readonly string[]): void {
    const entry = new Map<string, string>();
    for (let index = 0; index + 1 < fields.length; index += 2) entry.set(fields[index]!, fields[index + 1]!);
    const at = Number(entry.get('at'));
    const sessionId = entry.get('sessionId');
    const userId = entry.get('userId');
    const role = entry.get('role') as Role | undefined;
    if (!Number.isFinite(at)) return;
    if (entry.get('kind') === 'session' && sessionId) this.memory.applySession(sessionId, at);
    if (entry.get('kind') === 'role' && userId && role && roles.includes(role))
      this.memory.applyRole(userId, role, at);
  }

  private async append(fields: string[]): Promise<void> {
    const oldest = Date.now() - this.options.ttlMs - clockSlackMs;
    try {
      await this.redis.xadd(this.key, 'MINID', '~', oldest, '*', ...fields);
    } catch (error) {
      throw new AppError(
        'SERVICE_UNAVAILABLE',
        'Access tokens could not be revoked on every server just now; repeat the request',
        { cause: error instanceof Error ? error.message : String(error) },
      );
    }
  }

  private warn(error: unknown): void {
    const now = Date.now();
    if (now - this.lastWarnAt < 10_000) return;
    this.lastWarnAt = now;
    this.options.logger.warn('access-token revocations of other processes could not be read', {
      error: error instanceof Error ? error.message : String(error),
    });
  }
}
