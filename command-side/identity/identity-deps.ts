import type { AccessTokens, PasswordHasher } from '../../infra/ports/auth';
import type { EventStore } from '../../infra/ports/event-store';
import type { LoginThrottle } from './login-throttle';

/** What identity's commands need from the outside; the composition root builds one. */
export type IdentityDeps = {
  readonly store: EventStore;
  readonly hasher: PasswordHasher;
  readonly tokens: AccessTokens;
  readonly throttle: LoginThrottle;
  /** The commands' `now`. */
  readonly clock: () => Date;
};

/** Enough to create and change accounts without signing anyone in (seeds, bootstrap). */
export type AccountDeps = Pick<IdentityDeps, 'store' | 'hasher' | 'clock'>;
