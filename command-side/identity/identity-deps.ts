import type { AccessTokenRevocations, AccessTokens, PasswordHasher } from '../../infra/ports/auth';
import type { EventStore } from '../../infra/ports/event-store';
import type { LoginThrottle } from '../../infra/ports/login-throttle';

/** What identity's commands need from the outside; the composition root builds one. */
export type IdentityDeps = {
  readonly store: EventStore;
  readonly hasher: PasswordHasher;
  readonly tokens: AccessTokens;
  /** Withdraws access tokens before they expire: on logout, refresh-token reuse and a role change. */
  readonly revocations: AccessTokenRevocations;
  readonly throttle: LoginThrottle;
  /** The commands' `now`. */
  readonly clock: () => Date;
};

/** Enough to create and change accounts without signing anyone in (seeds, bootstrap). */
export type AccountDeps = Pick<IdentityDeps, 'store' | 'hasher' | 'clock'>;
