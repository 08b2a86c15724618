import { Router, type Request } from 'express';
import {
  toEventResource,
  toShowResource,
  toWaitingRoomResource,
  toZoneResource,
  type ExistingEvent,
  type ShowSummary,
} from '../../domain/catalog';
import { AppError } from '../../domain/shared';
import { created, ok, requestMetadata, requireRole, validateBody } from '../../infra/http-edge';
import type { CatalogCommands } from './catalog-commands';
import {
  AddShowDto,
  AddZoneDto,
  CancelEventDto,
  ConfigureWaitingRoomDto,
  CreateEventDto,
  UpdateEventDto,
  UpdateShowDto,
  UpdateZoneDto,
  toEventChanges,
  toNewEventDetails,
  toShow,
  toShowChanges,
  toWaitingRoomChanges,
  toZoneChanges,
} from './dtos';

/** The room's settings after a change (a pause or resume only reaches an event that has a room). */
const roomOf = (event: ExistingEvent) => toWaitingRoomResource(event)!;

/** Who is asking (organizer or admin, else 401/403) and the audit metadata of the events it causes. */
function issued(req: Request) {
  return { actor: requireRole(req, 'organizer'), metadata: requestMetadata(req) };
}

/** Publishing takes no body: anything sent is an unknown field. */
function assertNoBody(body: unknown): void {
  if (body === undefined || body === null) return;
  const fields = typeof body === 'object' ? Object.keys(body) : ['body'];
  if (fields.length === 0) return;
  throw new AppError(
    'VALIDATION_ERROR',
    `Invalid request body: this request takes no fields (${fields.join(', ')})`,
    fields.map((field) => ({ field, reasons: [`property ${field} should not exist`] })),
  );
}

/** The catalog's write endpoints (API.md, Catalog), mounted under `/api/v1`. */
export function catalogCommandRoutes(commands: CatalogCommands): Router {
  const router = Router();

  router.post('/events', async (req, res) => {
    const who = issued(req);
    const dto = await validateBody(CreateEventDto, req.body);
    created(res, toEventResource(await commands.createEvent(who, toNewEventDetails(dto))));
  });

  router.put('/events/:id', async (req, res) => {
    const who = issued(req);
    const dto = await validateBody(UpdateEventDto, req.body);
    ok(res, toEventResource(await commands.updateEvent(who, req.params.id, toEventChanges(dto))));
  });

  router.post('/events/:id/publish', async (req, res) => {
    const who = issued(req);
    assertNoBody(req.body);
    ok(res, toEventResource(await commands.publishEvent(who, req.params.id)));
  });

  router.post('/events/:id/cancel', async (req, res) => {
    const who = issued(req);
    const dto = await validateBody(CancelEventDto, req.body);
    ok(res, toEventResource(await commands.cancelEvent(who, req.params.id, dto.reason)));
  });

  router.put('/events/:id/waiting-room', async (req, res) => {
    const who = issued(req);
    const dto = await validateBody(ConfigureWaitingRoomDto, req.body);
    ok(res, roomOf(await commands.configureWaitingRoom(who, req.params.id, toWaitingRoomChanges(dto))));
  });

  for (const [action, paused] of [
    ['pause', true],
    ['resume', false],
  ] as const) {
    router.post(`/events/:id/waiting-room/${action}`, async (req, res) => {
      const who = issued(req);
      assertNoBody(req.body);
      ok(res, roomOf(await commands.setAdmissionPaused(who, req.params.id, paused)));
    });
  }

  router.post('/events/:id/shows', async (req, res) => {
    const who = issued(req);
    const dto = await validateBody(AddShowDto, req.body);
    const { event, show } = await commands.addShow(who, req.params.id, toShow(dto));
    created(res, toShowResource(show, event.id));
  });

  router.put('/shows/:id', async (req, res) => {
    const who = issued(req);
    const dto = await validateBody(UpdateShowDto, req.body);
    const { event, show } = await commands.updateShow(who, req.params.id, toShowChanges(dto));
    const { id, eventId, name, startsAt } = toShowResource(show, event.id);
    const summary: ShowSummary = { id, eventId, name, startsAt };
    ok(res, summary);
  });

  router.post('/shows/:id/zones', async (req, res) => {
    const who = issued(req);
    const dto = await validateBody(AddZoneDto, req.body);
    const { event, zone } = await commands.addZone(who, req.params.id, dto);
    created(res, toZoneResource(zone, event.id));
  });

  router.put('/zones/:id', async (req, res) => {
    const who = issued(req);
    const dto = await validateBody(UpdateZoneDto, req.body);
    const { event, zone } = await commands.updateZone(who, req.params.id, toZoneChanges(dto));
    ok(res, toZoneResource(zone, event.id));
  });

  return router;
}
