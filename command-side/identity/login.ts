import { randomBytes } from 'node:crypto';
import { normaliseEmail } from '../../domain/identity';
import { AppError, type EventMetadata } from '../../domain/shared';
import type { PasswordHasher } from '../../infra/ports/auth';
import { findUserByEmail, loadCredentials } from './accounts';
import type { IdentityDeps } from './identity-deps';
import { startSession, type SignedIn } from './sessions';
import { throttleKeys } from './throttle-keys';

export type LoginInput = { readonly email: string; readonly password: string; readonly ip: string };

/** Too many attempts: 429 with the wait, which the HTTP edge also sends as `Retry-After`. */
export class RateLimitedError extends AppError {
  constructor(
    readonly retryAfterSeconds: number,
    what = 'failed sign-ins',
  ) {
    super('RATE_LIMITED', `Too many ${what}; try again in ${retryAfterSeconds} s`, {
      retryAfterSeconds,
    });
  }
}

const dummyHashes = new WeakMap<PasswordHasher, Promise<string>>();

/** A real hash of a random password, made once per hasher: unknown addresses cost one verify too. */
function dummyHash(hasher: PasswordHasher): Promise<string> {
  let hash = dummyHashes.get(hasher);
  if (!hash) {
    hash = hasher.hash(randomBytes(18).toString('base64url'));
    dummyHashes.set(hasher, hash);
  }
  return hash;
}

/**
 * Signs in with e-mail and password. A wrong password and an unknown address answer the same 401 after
 * the same work (one argon2 verify). Failures count per address and per ip; past the limit every
 * attempt — even with the right password — answers 429 until the window frees up.
 */
export async function login(
  deps: IdentityDeps,
  input: LoginInput,
  metadata: EventMetadata,
): Promise<SignedIn> {
  const email = normaliseEmail(input.email);
  const keys = [throttleKeys.account(email), throttleKeys.ip(input.ip)];
  const wait = await deps.throttle.retryAfterSeconds(keys);
  if (wait > 0) throw new RateLimitedError(wait);
  const user = await findUserByEmail(deps.store, email);
  const credentials = user && (await loadCredentials(deps.store, user));
  const matches = await deps.hasher.verify(
    credentials?.passwordHash ?? (await dummyHash(deps.hasher)),
    input.password,
  );
  if (!user || !credentials || !matches) {
    await deps.throttle.recordFailure(keys);
    throw new AppError('UNAUTHORIZED', 'Invalid e-mail or password');
  }
  await deps.throttle.reset([throttleKeys.account(email)]);
  return startSession(deps, user, { ...metadata, userId: user.id });
}
