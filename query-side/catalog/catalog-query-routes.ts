import { Router, type Request } from 'express';
import { eventNotFound, mayChange, showNotFound, type EventStatus } from '../../domain/catalog';
import { AppError } from '../../domain/shared';
import { ok, pageMeta, principalOf, requireRole, validateQuery } from '../../infra/http-edge';
import type { SqlExecutor } from '../../infra/ports/sql';
import type { ZoneAvailability } from '../../infra/ports/zone-availability';
import {
  findEvent,
  findShowZones,
  listCategories,
  listOwnEvents,
  listPublishedEvents,
  type EventDetail,
} from './catalog-queries';
import { defaultPageSize, ListEventsQuery } from './list-events-query';
import { OwnEventsQuery } from './own-events-query';
import type { EventWithAvailability, ZoneWithAvailability } from './read-model';

/** `GET /categories` takes no parameters: one it does not know is a mistake worth saying. */
function assertNoQuery(query: Request['query']): void {
  const fields = Object.keys(query);
  if (fields.length === 0) return;
  throw new AppError(
    'VALIDATION_ERROR',
    `Invalid request query: this request takes no parameters (${fields.join(', ')})`,
    fields.map((field) => ({ field, reasons: [`property ${field} should not exist`] })),
  );
}

/** Published and cancelled events are public; a draft only to its organizer and admins (404 to anyone else). */
function visible(req: Request, status: EventStatus, organizerId: string): boolean {
  if (status !== 'draft') return true;
  const principal = principalOf(req);
  return principal !== undefined && mayChange(principal, organizerId);
}

async function withAvailability(
  availability: ZoneAvailability,
  zones: EventDetail['zones'],
): Promise<ZoneWithAvailability[]> {
  const available = await availability.available(zones);
  return zones.map((zone) => ({ ...zone, available: available.get(zone.id) ?? 0 }));
}

async function toDetail(availability: ZoneAvailability, detail: EventDetail): Promise<EventWithAvailability> {
  const zones = await withAvailability(availability, detail.zones);
  const shows = detail.shows.map((show) => ({
    ...show,
    zones: zones.filter((zone) => zone.showId === show.id),
  }));
  return { ...detail.event, shows };
}

/** The catalog's read endpoints (API.md, Catalog), over the read models of `projections/catalog`. */
export function catalogQueryRoutes(db: SqlExecutor, availability: ZoneAvailability): Router {
  const router = Router();

  router.get('/events', async (req, res) => {
    const query = await validateQuery(ListEventsQuery, req.query);
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? defaultPageSize;
    const { items, total } = await listPublishedEvents(db, {
      search: query.search || undefined,
      category: query.category || undefined,
      page,
      pageSize,
    });
    ok(res, items, pageMeta(page, pageSize, total));
  });

  router.get('/categories', async (req, res) => {
    assertNoQuery(req.query);
    ok(res, await listCategories(db));
  });

  router.get('/organizer/events', async (req, res) => {
    const principal = requireRole(req, 'organizer');
    const query = await validateQuery(OwnEventsQuery, req.query);
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? defaultPageSize;
    const { items, total } = await listOwnEvents(db, {
      organizerId: principal.role === 'admin' ? undefined : principal.userId,
      status: query.status,
      page,
      pageSize,
    });
    ok(res, items, pageMeta(page, pageSize, total));
  });

  // `:id` as on the event's writes: OpenAPI holds `/events/{id}` and `/events/{idOrSlug}` to be one path.
  // A slug works too.
  router.get('/events/:id', async (req, res) => {
    const detail = await findEvent(db, req.params.id);
    if (!detail || !visible(req, detail.event.status, detail.event.organizerId)) {
      throw eventNotFound();
    }
    ok(res, await toDetail(availability, detail));
  });

  router.get('/events/:id/shows', async (req, res) => {
    const detail = await findEvent(db, req.params.id);
    if (!detail || !visible(req, detail.event.status, detail.event.organizerId)) {
      throw eventNotFound();
    }
    ok(res, (await toDetail(availability, detail)).shows);
  });

  router.get('/shows/:id/zones', async (req, res) => {
    const show = await findShowZones(db, req.params.id);
    if (!show || !visible(req, show.eventStatus, show.organizerId)) {
      throw showNotFound(req.params.id);
    }
    ok(res, await withAvailability(availability, show.zones));
  });

  return router;
}
