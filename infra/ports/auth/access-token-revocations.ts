import type { Role } from './principal';

/** What a revocation is checked against: the claims of a verified access token. */
export type RevocableToken = {
  readonly userId: string;
  readonly role: Role;
  /** The sign-in the token was issued for; absent on tokens minted outside one (tests, benchmarks). */
  readonly sessionId?: string;
};

/**
 * Access tokens withdrawn before they expire: a signed-out (or revoked) sign-in's, and those of a user
 * whose role changed that still carry another role. Each revocation is kept as long as an access token
 * lives, then forgotten (a token issued before it has expired by then).
 *
 * `isRevoked` answers from memory, never a round trip: it runs on every authenticated request, the
 * reservation hot path included. An adapter shared by several processes applies its own revocations at
 * once and learns of the others' within its refresh interval.
 */
export interface AccessTokenRevocations {
  /** Every access token of this sign-in stops working (logout, a reused refresh token). */
  revokeSession(sessionId: string): Promise<void>;
  /** The user's access tokens that carry a role other than `role` stop working (a role change). */
  revokeOtherRoles(userId: string, role: Role): Promise<void>;
  isRevoked(token: RevocableToken): boolean;
}
