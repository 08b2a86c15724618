import { Router } from 'express';
import { AppError } from '../../domain/shared';
import { ok, requireRole, validateQuery } from '../../infra/http-edge';
import { NotificationListQuery, defaultNotificationLimit } from './notification-list-query';
import type { NotificationPageMeta, NotificationReads } from './notification-reads';

/** Puts a failed notification back in the send queue (the notifier's documents implement it). */
export type RetryNotification = (id: string) => Promise<'retried' | 'not-found' | 'not-failed'>;

/** `GET /admin/notifications` and `POST /admin/notifications/:id/retry` (admins only). */
export function adminNotificationRoutes(reads: NotificationReads, retry: RetryNotification): Router {
  const router = Router();

  router.get('/admin/notifications', async (req, res) => {
    requireRole(req, 'admin');
    const query = await validateQuery(NotificationListQuery, req.query);
    const limit = query.limit ?? defaultNotificationLimit;
    const page = await reads.list({
      limit,
      ...(query.status ? { status: query.status } : {}),
      ...(query.bookingId ? { bookingId: query.bookingId } : {}),
      ...(query.type ? { type: query.type } : {}),
      ...(query.after ? { after: query.after } : {}),
    });
    const meta: NotificationPageMeta = { limit, next: page.next };
    ok(res, page.items, meta);
  });

  router.post('/admin/notifications/:id/retry', async (req, res) => {
    requireRole(req, 'admin');
    const { id } = req.params;
    const outcome = await retry(id);
    if (outcome === 'not-found') throw new AppError('NOT_FOUND', `No notification ${id}`);
    if (outcome === 'not-failed')
      throw new AppError('INVALID_STATE', `Notification ${id} has not failed; only a failed one is retried`);
    ok(res, await reads.get(id));
  });

  return router;
}
