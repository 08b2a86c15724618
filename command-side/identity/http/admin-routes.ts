import { Router } from 'express';
import { ok, requestMetadata, requireRole, validateBody } from '../../../infra/http-edge';
import type { IdentityDeps } from '../identity-deps';
import { setUserRole } from '../profile';
import { toUserView } from '../user-view';
import { ChangeRoleBody } from './dtos';

/** `/admin/users/*`: an admin sets a user's role (API.md, "Identity"). */
export function adminUserRoutes(deps: IdentityDeps): Router {
  const router = Router();

  router.put('/:id/role', async (req, res) => {
    const admin = requireRole(req, 'admin');
    const { role } = await validateBody(ChangeRoleBody, req.body);
    const actor = { kind: 'user', userId: admin.userId, role: admin.role } as const;
    const user = await setUserRole(deps, req.params.id, role, actor, requestMetadata(req));
    ok(res, toUserView(user));
  });

  return router;
}
