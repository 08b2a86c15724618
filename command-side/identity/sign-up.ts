import type { EventMetadata } from '../../domain/shared';
import type { IdentityDeps } from './identity-deps';
import { RateLimitedError } from './login';
import { registerUser, type RegisterUserInput } from './register-user';
import { startSession, type SignedIn } from './sessions';
import { throttleKeys } from './throttle-keys';

export type SignUpInput = RegisterUserInput & { readonly ip: string };

/**
 * `POST /auth/register`: registers a customer and signs them in. Sign-ups count per client ip like
 * failed logins, and past the `signup` rule every attempt answers 429 until the window frees up: a fast
 * 409 EMAIL_TAKEN would otherwise let anyone test addresses by the thousand (a 201 tells as much).
 */
export async function signUp(
  deps: IdentityDeps,
  input: SignUpInput,
  metadata: EventMetadata,
): Promise<SignedIn> {
  const { ip, ...account } = input;
  const keys = [throttleKeys.signup(ip)];
  const wait = await deps.throttle.retryAfterSeconds(keys);
  if (wait > 0) throw new RateLimitedError(wait, 'sign-ups from this address');
  // Counted before the outcome is known, whatever it turns out to be.
  await deps.throttle.recordFailure(keys);
  const user = await registerUser(deps, account, metadata);
  return startSession(deps, user, metadata);
}
