import { Router } from 'express';
import { ok, requireRole, validateQuery } from '../../infra/http-edge';
import type { DocumentStore } from '../../infra/ports/document-store';
import { AuditLogQuery, defaultAuditLimit } from './audit-log-query';
import { readAuditEntry, searchAuditLog, type AuditLogPageMeta } from './audit-search';

/**
 * Audit search (admins only) over the read model of `projections/audit`: who did what, to which entity,
 * when, and what else the same request caused. It follows the log, so the newest events may lag.
 */
export function auditRoutes(store: DocumentStore): Router {
  const router = Router();

  router.get('/admin/audit-logs', async (req, res) => {
    requireRole(req, 'admin');
    const query = await validateQuery(AuditLogQuery, req.query);
    const page = await searchAuditLog(store, query);
    const meta: AuditLogPageMeta = { limit: query.limit ?? defaultAuditLimit, next: page.next };
    ok(res, page.entries, meta);
  });

  router.get('/admin/audit-logs/:eventId', async (req, res) => {
    requireRole(req, 'admin');
    ok(res, await readAuditEntry(store, req.params.eventId));
  });

  return router;
}
