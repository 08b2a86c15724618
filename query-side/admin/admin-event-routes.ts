import { Router } from 'express';
import { requireRole, ok, validateQuery } from '../../infra/http-edge';
import { startOfLog, type Checkpoint, type EventStore } from '../../infra/ports/event-store';
import { EventFeedQuery, StreamEventsQuery, defaultEventLimit } from './admin-queries';
import {
  readFeedPage,
  readStreamPage,
  type AdminFeedPageMeta,
  type AdminStreamPageMeta,
} from './event-reads';

/**
 * The admin stream browser and global feed (API.md, Admin and audit), straight from the event store:
 * the source of truth, whatever the projections' lag.
 */
export function adminEventRoutes(store: EventStore): Router {
  const router = Router();

  router.get('/admin/streams/:streamId', async (req, res) => {
    requireRole(req, 'admin');
    const query = await validateQuery(StreamEventsQuery, req.query);
    const fromVersion = query.fromVersion ?? 0;
    const limit = query.limit ?? defaultEventLimit;
    const { streamId } = req.params;
    const page = await readStreamPage(store, streamId, fromVersion, limit);
    const meta: AdminStreamPageMeta = { streamId, fromVersion, limit, next: page.next };
    ok(res, page.events, meta);
  });

  router.get('/admin/events', async (req, res) => {
    requireRole(req, 'admin');
    const query = await validateQuery(EventFeedQuery, req.query);
    const limit = query.limit ?? defaultEventLimit;
    const page = await readFeedPage(store, {
      after: (query.after ?? startOfLog) as Checkpoint,
      limit,
      ...(query.category ? { categories: query.category } : {}),
      ...(query.type ? { types: query.type } : {}),
    });
    const meta: AdminFeedPageMeta = { next: page.next, endOfLog: page.endOfLog, limit };
    ok(res, page.events, meta);
  });

  return router;
}
