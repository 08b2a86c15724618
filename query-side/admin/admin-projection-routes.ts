import { Router } from 'express';
import { accepted, ok, requireRole } from '../../infra/http-edge';
import type { ProjectionControl, ProjectionRebuildStarted } from './projection-control';

/** Projection status and rebuilds (API.md, Admin and audit): the SQL projections and the booking saga. */
export function adminProjectionRoutes(control: ProjectionControl): Router {
  const router = Router();

  router.get('/admin/projections', async (req, res) => {
    requireRole(req, 'admin');
    ok(res, await control.list());
  });

  router.post('/admin/projections/:name/rebuild', async (req, res) => {
    requireRole(req, 'admin');
    await control.startRebuild(req.params.name);
    const started: ProjectionRebuildStarted = { name: req.params.name, status: 'rebuilding' };
    accepted(res, started);
  });

  return router;
}
