import type { ServiceIdentifier } from 'inversify';
import type { IdentityDeps } from '../../../command-side/identity';

/**
 * What the identity module binds beside the core's `TOKENS.AccessTokens` and `TOKENS.PasswordHasher`
 * (the HTTP app authenticates with the first).
 */
export const IdentityTokens = {
  /** Identity's commands with this process's adapters; the demo seed uses it to create accounts. */
  Deps: Symbol('IdentityDeps') as ServiceIdentifier<IdentityDeps>,
  /** The key access tokens are signed with (the waiting room derives its own keys from it), read once. */
  JwtSecret: Symbol('JwtSecret') as ServiceIdentifier<string>,
} as const;
