import type { Event } from '../shared';

/**
 * The `userSession-<sessionId>` stream: one sign-in and its refresh-token family. Only sha-256 hashes
 * of the tokens are stored; still secret-adjacent, so this category is hidden from the stream browser
 * like `userCredentials`.
 */
export type SessionStarted = Event<
  'SessionStarted',
  { sessionId: string; userId: string; tokenHash: string; startedAt: string; expiresAt: string }
>;
/** The current refresh token was exchanged for a new one; the old one must never work again. */
export type RefreshTokenRotated = Event<
  'RefreshTokenRotated',
  { sessionId: string; tokenHash: string; newTokenHash: string; rotatedAt: string; expiresAt: string }
>;
/** Signed out: the current refresh token stops working. */
export type SessionEnded = Event<'SessionEnded', { sessionId: string; reason: 'logout'; endedAt: string }>;
/**
 * An already rotated token came back: someone holds a copy (stolen, or a client bug). Every token of
 * the family stops working, including the one the legitimate holder has now.
 */
export type SessionRevoked = Event<
  'SessionRevoked',
  { sessionId: string; reason: 'refresh_token_reuse'; reusedTokenHash: string; revokedAt: string }
>;

export type SessionEvent = SessionStarted | RefreshTokenRotated | SessionEnded | SessionRevoked;

export type Session = {
  readonly sessionId: string;
  readonly userId: string;
  readonly status: 'active' | 'ended' | 'revoked';
  readonly currentTokenHash: string;
  readonly expiresAt: Date;
  /** Hashes of tokens already exchanged; seeing one again is reuse. */
  readonly rotatedTokenHashes: readonly string[];
};
export type SessionState = Session | undefined;
