import type { Principal } from './principal';

export type IssuedAccessToken = { readonly accessToken: string; readonly expiresIn: number };

/**
 * Signs and verifies short-lived access tokens (JWT). `verify` rejects with AppError UNAUTHORIZED for a
 * token that is malformed, expired, wrongly signed, or of another kind or audience.
 */
export interface AccessTokens {
  issue(principal: Principal): Promise<IssuedAccessToken>;
  verify(token: string): Promise<Principal>;
}
