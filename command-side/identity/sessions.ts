import { randomBytes, randomUUID } from 'node:crypto';
import { sessionDecider, sessionStream, type SessionEvent, type User } from '../../domain/identity';
import { AppError, fold, type EventMetadata } from '../../domain/shared';
import { handleCommand, loadStream } from '../shared';
import { loadUser } from './accounts';
import type { IdentityDeps } from './identity-deps';
import { isUuid, sha256Hex } from './streams';
import { principalOfUser, toUserView, type UserView } from './user-view';

/** What register, login and refresh answer (API.md, "Identity"). */
export type SignedIn = {
  readonly user: UserView;
  /** A JWT for `Authorization: Bearer`, valid for `expiresIn` seconds. */
  readonly accessToken: string;
  /** Opaque; exchange it at `/auth/refresh` (once) or end the sign-in with it at `/auth/logout`. */
  readonly refreshToken: string;
  /** Seconds until the access token expires. */
  readonly expiresIn: number;
};

/** What logout answers. */
export type LoggedOut = { readonly loggedOut: true };

const invalidToken = () => new AppError('UNAUTHORIZED', 'Refresh token is not valid');

/**
 * An opaque refresh token: `<sessionId>.<256 random bits>`. Only its sha-256 is stored — enough for a
 * token this random, and cheap to check on every refresh.
 */
function mintRefreshToken(sessionId: string): { token: string; hash: string } {
  const token = `${sessionId}.${randomBytes(32).toString('base64url')}`;
  return { token, hash: sha256Hex(token) };
}

function sessionIdOf(refreshToken: string): string {
  const sessionId = refreshToken.slice(0, refreshToken.indexOf('.'));
  if (!isUuid(sessionId)) throw invalidToken();
  return sessionId;
}

/** An access token of the session `sessionId`: logging out of it revokes the token. */
async function signedIn(
  deps: IdentityDeps,
  user: User,
  sessionId: string,
  refreshToken: string,
): Promise<SignedIn> {
  const { accessToken, expiresIn } = await deps.tokens.issue({ ...principalOfUser(user), sessionId });
  return { user: toUserView(user), accessToken, refreshToken, expiresIn };
}

/** Starts a session (a new refresh-token family) for `user` and signs them in. */
export async function startSession(
  deps: IdentityDeps,
  user: User,
  metadata: EventMetadata,
): Promise<SignedIn> {
  const sessionId = randomUUID();
  const { token, hash } = mintRefreshToken(sessionId);
  const command = {
    type: 'StartSession',
    sessionId,
    userId: user.id,
    tokenHash: hash,
    now: deps.clock(),
  } as const;
  await handleCommand(deps.store, sessionStream(sessionId), sessionDecider, command, {
    ...metadata,
    userId: user.id,
  });
  return signedIn(deps, user, sessionId, token);
}

/**
 * Exchanges a refresh token for a new pair; the presented token stops working. Presenting a token that
 * was already exchanged revokes its whole family (stored first, then 401), so a thief and the
 * legitimate holder are both signed out. Two refreshes racing with one token count as reuse.
 */
export async function refreshSession(
  deps: IdentityDeps,
  refreshToken: string,
  metadata: EventMetadata,
): Promise<SignedIn> {
  const sessionId = sessionIdOf(refreshToken);
  const stream = sessionStream(sessionId);
  const owner = fold(sessionDecider, (await loadStream<SessionEvent>(deps.store, stream)).events);
  if (!owner) throw invalidToken();
  const next = mintRefreshToken(sessionId);
  const command = {
    type: 'RotateRefreshToken',
    tokenHash: sha256Hex(refreshToken),
    newTokenHash: next.hash,
    now: deps.clock(),
  } as const;
  const outcome = await handleCommand(deps.store, stream, sessionDecider, command, {
    ...metadata,
    userId: owner.userId,
  });
  if (outcome.events.some((event) => event.type === 'SessionRevoked')) {
    await deps.revocations.revokeSession(sessionId);
    throw new AppError(
      'UNAUTHORIZED',
      'Refresh token was already used; every token of this sign-in is revoked',
    );
  }
  const user = await loadUser(deps.store, owner.userId);
  if (!user) throw invalidToken();
  return signedIn(deps, user, sessionId, next.token);
}

/**
 * Logout: the signed-in user's refresh token stops working, and so does every access token of the
 * session. Idempotent for a session already ended (the revocation is made again).
 */
export async function endSession(
  deps: IdentityDeps,
  refreshToken: string,
  userId: string,
  metadata: EventMetadata,
): Promise<void> {
  const sessionId = sessionIdOf(refreshToken);
  const command = {
    type: 'EndSession',
    tokenHash: sha256Hex(refreshToken),
    userId,
    now: deps.clock(),
  } as const;
  await handleCommand(deps.store, sessionStream(sessionId), sessionDecider, command, metadata);
  await deps.revocations.revokeSession(sessionId);
}
