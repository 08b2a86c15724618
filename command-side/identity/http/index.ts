import { Router } from 'express';
import type { IdentityDeps } from '../identity-deps';
import { adminUserRoutes } from './admin-routes';
import { authRoutes } from './auth-routes';

export { adminUserRoutes } from './admin-routes';
export { authRoutes } from './auth-routes';
export { identityOperations } from './identity-operations';
export { ChangeRoleBody, LoginBody, ProfileBody, RefreshTokenBody, RegisterBody } from './dtos';

/** Every identity route, to mount at `/api/v1`: `/auth/*` and `/admin/users/*`. */
export function identityRouter(deps: IdentityDeps): Router {
  return Router().use('/auth', authRoutes(deps)).use('/admin/users', adminUserRoutes(deps));
}
