import { Router } from 'express';
import { ok, requireRole } from '../../infra/http-edge';
import type { SystemOverview } from './system-overview';

/** The admin System page's figures: this process's traffic, backlogs and runtime, and every follower's lag. */
export function adminSystemRoutes(overview: SystemOverview): Router {
  const router = Router();

  router.get('/admin/system', async (req, res) => {
    requireRole(req, 'admin');
    res.set('cache-control', 'no-store');
    ok(res, await overview.read());
  });

  return router;
}
