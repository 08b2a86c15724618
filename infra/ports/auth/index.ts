export type { AccessTokenRevocations, RevocableToken } from './access-token-revocations';
export type { AccessTokens, IssuedAccessToken } from './access-tokens';
export type { PasswordHasher } from './password-hasher';
export { roles, type Principal, type Role } from './principal';
