import { Router, type Request, type Response } from 'express';
import { created, ok, requireRole, requireUser, validateQuery } from '../../infra/http-edge';
import type { RateLimiter } from '../../infra/ports/rate-limiter';
import { rateLimit, type RateLimitOptions } from '../rate-limit';
import { QueueStatusQuery } from './queue-status-query';
import type { ReadStatus, WaitingRoomDesk } from './waiting-room-desk';

type Bucket = { readonly limit: number; readonly refillPerSecond: number };

/** Join and status are limited per account and per address (many accounts from one address included). */
export type WaitingRoomRateLimits = {
  readonly 'queue-join': Bucket;
  readonly 'queue-join-ip': Bucket;
  readonly 'queue-status': Bucket;
  readonly 'queue-status-ip': Bucket;
};

const eventIdOf = (req: Request) => String(req.params.id);
const byAddress = (req: Request) => `ip:${req.ip ?? req.socket.remoteAddress ?? 'unknown'}`;

/** The status is the buyer's own and changes: never cached by anyone else, always revalidated. */
function sendStatus(res: Response, read: ReadStatus, send: typeof ok): void {
  res.setHeader('ETag', read.etag);
  res.setHeader('Cache-Control', 'private, no-cache');
  send(res, read.status);
}

/**
 * The waiting room's routes under `/api/v1` (docs/api.md, "Waiting room"): buyers join and read their
 * status (with `If-None-Match`, and `?wait=` for a long poll), the organizer's live view, the shuffle's
 * proof for anyone.
 */
export function waitingRoomRoutes(deps: {
  desk: WaitingRoomDesk;
  rateLimiter: RateLimiter;
  rateLimits: WaitingRoomRateLimits;
}): Router {
  const { desk, rateLimiter, rateLimits } = deps;
  const limited = (name: keyof WaitingRoomRateLimits, keyOf?: RateLimitOptions['keyOf']) =>
    rateLimit(rateLimiter, { name, ...rateLimits[name], ...(keyOf ? { keyOf } : {}) });
  const router = Router();

  router.post(
    '/events/:id/queue',
    limited('queue-join-ip', byAddress),
    limited('queue-join'),
    async (req, res) => {
      const { userId } = requireUser(req);
      const { read, joinedNow } = await desk.join(userId, eventIdOf(req));
      sendStatus(res, read, joinedNow ? created : ok);
    },
  );

  router.get(
    '/events/:id/queue',
    limited('queue-status-ip', byAddress),
    limited('queue-status'),
    async (req, res) => {
      const { userId } = requireUser(req);
      const { wait } = await validateQuery(QueueStatusQuery, req.query);
      const waitMs = Number(wait ?? 0) * 1000;
      const held = req.get('If-None-Match');
      const abort = new AbortController();
      res.on('close', () => abort.abort());
      const read =
        held !== undefined && waitMs > 0
          ? await desk.statusAfter(userId, eventIdOf(req), { etag: held, waitMs, signal: abort.signal })
          : await desk.status(userId, eventIdOf(req));
      if (held !== undefined && held === read.etag) {
        res.setHeader('ETag', read.etag);
        res.setHeader('Cache-Control', 'private, no-cache');
        res.status(304).end();
        return;
      }
      sendStatus(res, read, ok);
    },
  );

  router.get('/events/:id/queue/fairness', async (req, res) => {
    ok(res, await desk.fairness(eventIdOf(req)));
  });

  router.get('/events/:id/waiting-room', async (req, res) => {
    ok(res, await desk.liveView(requireRole(req, 'organizer'), eventIdOf(req)));
  });

  return router;
}
