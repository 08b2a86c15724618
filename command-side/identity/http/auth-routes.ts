import { Router, type Request } from 'express';
import { AppError } from '../../../domain/shared';
import { created, ok, requestMetadata, requireUser, validateBody } from '../../../infra/ports/http';
import { loadUser } from '../accounts';
import type { IdentityDeps } from '../identity-deps';
import { RateLimitedError, login } from '../login';
import { changeUserLocale, renameUser } from '../profile';
import { registerUser } from '../register-user';
import { endSession, refreshSession, startSession } from '../sessions';
import { toUserView } from '../user-view';
import { preferredLocale } from './accept-language';
import { LoginBody, ProfileBody, RefreshTokenBody, RegisterBody } from './dtos';

async function signIn(deps: IdentityDeps, req: Request) {
  const body = await validateBody(LoginBody, req.body);
  try {
    return await login(deps, { ...body, ip: req.ip ?? 'unknown' }, requestMetadata(req));
  } catch (error) {
    if (error instanceof RateLimitedError) req.res?.setHeader('Retry-After', String(error.retryAfterSeconds));
    throw error;
  }
}

/** `/auth/*` (API.md, "Identity"): register, login, refresh, logout, me. */
export function authRoutes(deps: IdentityDeps): Router {
  const router = Router();

  router.post('/register', async (req, res) => {
    const body = await validateBody(RegisterBody, req.body);
    const locale = body.locale ?? preferredLocale(req.headers['accept-language']);
    const user = await registerUser(deps, { ...body, locale }, requestMetadata(req));
    created(res, await startSession(deps, user, requestMetadata(req)));
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
    ok(res, { loggedOut: true });
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
