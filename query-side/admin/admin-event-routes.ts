import { Router } from 'express';
import { requireRole, ok, validateQuery } from '../../infra/ports/http';
import { startOfLog, type Checkpoint, type EventStore } from '../../infra/ports/event-store';
import { EventFeedQuery, StreamEventsQuery, defaultEventLimit } from './admin-queries';
import { readFeedPage, readStreamPage } from './event-reads';

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
    const page = await readStreamPage(store, req.params.streamId, fromVersion, limit);
    ok(res, page.events, { streamId: req.params.streamId, fromVersion, limit, next: page.next });
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
    ok(res, page.events, { next: page.next, endOfLog: page.endOfLog, limit });
  });

  return router;
}
