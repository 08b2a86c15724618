import { createHmac, timingSafeEqual } from 'node:crypto';

/** What a pass says: this buyer, at this place in this event's line, may hold until `expiresAt`. */
export type QueuePass = {
  readonly eventId: string;
  readonly userId: string;
  readonly seq: number;
  /** Epoch ms. */
  readonly expiresAt: number;
};

export type PassCheck =
  | { readonly ok: true; readonly pass: QueuePass }
  | {
      readonly ok: false;
      readonly reason: 'QUEUE_PASS_INVALID' | 'QUEUE_PASS_FOREIGN' | 'QUEUE_PASS_EXPIRED';
    };

const version = 'qp1';

/**
 * Signs and checks waiting-room passes: `qp1.<payload>.<signature>`, the payload base64url JSON, the
 * signature HMAC-SHA256 over `qp1.<payload>` with the server's secret. The signature proves the server
 * issued it; whether it was used is the inventory actor's to say (in the hold's own atomic step).
 */
export class QueuePasses {
  constructor(private readonly secret: string) {
    if (secret.length < 16) throw new Error('The queue pass secret must be at least 16 characters');
  }

  sign(pass: QueuePass): string {
    const payload = Buffer.from(
      JSON.stringify({ e: pass.eventId, u: pass.userId, s: pass.seq, x: pass.expiresAt }),
    ).toString('base64url');
    return `${version}.${payload}.${this.#signature(`${version}.${payload}`)}`;
  }

  /**
   * A pass for this buyer and this event, signed by us, and not expired at `now` when given. The
   * reservation path leaves `now` out: the inventory actor checks expiry on its own record, after the
   * Idempotency-Key, so a retry of a hold made in time still gets its hold back.
   */
  check(token: string, expected: { eventId: string; userId: string; now?: number }): PassCheck {
    const pass = this.#verified(token);
    if (!pass) return { ok: false, reason: 'QUEUE_PASS_INVALID' };
    if (pass.eventId !== expected.eventId || pass.userId !== expected.userId) {
      return { ok: false, reason: 'QUEUE_PASS_FOREIGN' };
    }
    if (expected.now !== undefined && pass.expiresAt <= expected.now) {
      return { ok: false, reason: 'QUEUE_PASS_EXPIRED' };
    }
    return { ok: true, pass };
  }

  #signature(text: string): string {
    return createHmac('sha256', this.secret).update(text).digest('base64url');
  }

  #verified(token: string): QueuePass | undefined {
    if (token.length > 2_000) return undefined;
    const [prefix, payload, signature, ...rest] = token.split('.');
    if (prefix !== version || !payload || !signature || rest.length > 0) return undefined;
    const expected = Buffer.from(this.#signature(`${version}.${payload}`));
    const given = Buffer.from(signature);
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) return undefined;
    try {
      const { e, u, s, x } = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<
        string,
        unknown
      >;
      if (typeof e !== 'string' || typeof u !== 'string') return undefined;
      if (!Number.isSafeInteger(s) || !Number.isSafeInteger(x)) return undefined;
      return { eventId: e, userId: u, seq: s as number, expiresAt: x as number };
    } catch {
      return undefined;
    }
  }
}
