import type { AccessTokenRevocations, RevocableToken, Role } from '../ports/auth';

export type InProcessRevocationsOptions = {
  /** How long a revocation is kept: an access token's lifetime. */
  readonly ttlMs: number;
  readonly clock?: () => number;
};

/** Every this many revocations, entries past their time are dropped. */
const sweepEvery = 1000;

/**
 * The revocations of one process (the embedded mode), and the memory the Redis adapter answers from.
 * Bounded: an entry lives `ttlMs`, and a periodic sweep drops the old ones.
 */
export class InProcessAccessTokenRevocations implements AccessTokenRevocations {
  /** sessionId → until (epoch ms). */
  private readonly sessions = new Map<string, number>();
  /** userId → the role the user has now, until (epoch ms). */
  private readonly roles = new Map<string, { role: Role; until: number }>();
  private readonly clock: () => number;
  private recordedSinceSweep = 0;

  constructor(private readonly options: InProcessRevocationsOptions) {
    this.clock = options.clock ?? Date.now;
  }

  async revokeSession(sessionId: string): Promise<void> {
    this.applySession(sessionId, this.clock());
  }

  async revokeOtherRoles(userId: string, role: Role): Promise<void> {
    this.applyRole(userId, role, this.clock());
  }

  isRevoked(token: RevocableToken): boolean {
    const now = this.clock();
    if (token.sessionId !== undefined && (this.sessions.get(token.sessionId) ?? 0) > now) return true;
    const changed = this.roles.get(token.userId);
    return changed !== undefined && changed.until > now && changed.role !== token.role;
  }

  /** Records a session's revocation made at `revokedAt` (here, or by another process). */
  applySession(sessionId: string, revokedAt: number): void {
    const until = revokedAt + this.options.ttlMs;
    if (until > (this.sessions.get(sessionId) ?? 0)) this.sessions.set(sessionId, until);
    this.counted();
  }

  /** Records a role change made at `revokedAt`; an older change than the one known is ignored. */
  applyRole(userId: string, role: Role, revokedAt: number): void {
    const until = revokedAt + this.options.ttlMs;
    if (until >= (this.roles.get(userId)?.until ?? 0)) this.roles.set(userId, { role, until });
    this.counted();
  }

  private counted(): void {
    if (++this.recordedSinceSweep < sweepEvery) return;
    this.recordedSinceSweep = 0;
    const now = this.clock();
    for (const [sessionId, until] of this.sessions) if (until <= now) this.sessions.delete(sessionId);
    for (const [userId, { until }] of this.roles) if (until <= now) this.roles.delete(userId);
  }
}
