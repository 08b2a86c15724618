import { Router, type Request } from 'express';
import { AppError } from '../../../domain/shared';
import { created, ok, requestMetadata, requireUser, validateBody } from '../../../infra/http-edge';
import { loadUser } from '../accounts';
import type { IdentityDeps } from '../identity-deps';
import { RateLimitedError, login } from '../login';
import { changeUserLocale, renameUser } from '../profile';
import { endSession, refreshSession, type LoggedOut } from '../sessions';
import { signUp } from '../sign-up';
import { toUserView } from '../user-view';
import { preferredLocale } from './accept-language';
import { LoginBody, ProfileBody, RefreshTokenBody, RegisterBody } from './dtos';

/** Runs a throttled command; a 429 also says when to come back in `Retry-After`. */
async function throttled<T>(req: Request, command: () => Promise<T>): Promise<T> {
  try {
    return await command();
  } catch (error) {
    if (error instanceof RateLimitedError) req.res?.setHeader('Retry-After', String(error.retryAfterSeconds));
    throw error;
  }
}

async function signIn(deps: IdentityDeps, req: Request) {
  const body = await validateBody(LoginBody, req.body);
  return throttled(req, () => login(deps, { ...body, ip: req.ip ?? 'unknown' }, requestMetadata(req)));
}

/** `/auth/*` (API.md, "Identity"): register, login, refresh, logout, me. */
export function authRoutes(deps: IdentityDeps): Router {
  const router = Router();

  router.post('/register', async (req, res) => {
    const body = await validateBody(RegisterBody, req.body);
    const locale = body.locale ?? preferredLocale(req.headers['accept-language']);
    const input = { ...body, locale, ip: req.ip ?? 'unknown' };
    created(res, await throttled(req, () => signUp(deps, input, requestMetadata(req))));
  });

  router.post('/login', async (req, res) => {
    ok(res, await signIn(deps, req));
  });

  router.post('/refresh', async (req, res) => {
    const { refreshToken } = await validateBody(RefreshTokenBody, req.body);
    ok(res, await refreshSession(deps, refreshToken, requestMetadata(req)));
  });

  router.post('/logout', async (req, res) => {
    const principal = requireUser(req);
    const { refreshToken } = await validateBody(RefreshTokenBody, req.body);
    await endSession(deps, refreshToken, principal.userId, requestMetadata(req));
    const answer: LoggedOut = { loggedOut: true };
    ok(res, answer);
  });

  router.get('/me', async (req, res) => {
    const principal = requireUser(req);
    const user = await loadUser(deps.store, principal.userId);
    if (!user) throw new AppError('NOT_FOUND', 'Your account no longer exists');
    ok(res, toUserView(user));
  });

  router.put('/me', async (req, res) => {
    const principal = requireUser(req);
    const { name, locale } = await validateBody(ProfileBody, req.body);
    const metadata = requestMetadata(req);
    let user = name === undefined ? undefined : await renameUser(deps, principal.userId, name, metadata);
    if (locale !== undefined) user = await changeUserLocale(deps, principal.userId, locale, metadata);
    if (!user) throw new Error('a profile update changes the name or the locale');
    ok(res, toUserView(user));
  });

  return router;
}
