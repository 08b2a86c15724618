import { Router, type Request } from 'express';
import type { BookingView } from '../../domain/booking';
import { AppError } from '../../domain/shared';
import { ok, pageMeta, principalOf, requireUser, validateQuery } from '../../infra/http-edge';
import type { EventStore } from '../../infra/ports/event-store';
import type { SqlExecutor } from '../../infra/ports/sql';
import { listLiveHolds, listUserBookings, readBooking } from './booking-queries';
import { defaultPageSize, ListBookingsQuery } from './list-bookings-query';

const bookingNotFound = () => new AppError('NOT_FOUND', 'No such booking');

/** Its owner and admins see a booking; anyone else is told it does not exist. */
function mayRead(req: Request, booking: BookingView): boolean {
  const principal = principalOf(req);
  return principal !== undefined && (principal.userId === booking.userId || principal.role === 'admin');
}

/**
 * The booking read endpoints (API.md, Bookings) for a signed-in user: lists over the read model of
 * `projections/bookings`, one booking from its event stream. Reserving and cancelling are commands
 * (command-side/booking).
 */
export function bookingQueryRoutes(
  db: SqlExecutor,
  store: EventStore,
  clock: () => Date = () => new Date(),
): Router {
  const router = Router();

  router.get('/bookings', async (req, res) => {
    const { userId } = requireUser(req);
    const query = await validateQuery(ListBookingsQuery, req.query);
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? defaultPageSize;
    const { items, total } = await listUserBookings(db, {
      userId,
      status: query.status,
      page,
      pageSize,
      now: clock(),
    });
    ok(res, items, pageMeta(page, pageSize, total));
  });

  // Before `/bookings/:id`, which would take `pending` for an id.
  router.get('/bookings/pending', async (req, res) => {
    const { userId } = requireUser(req);
    ok(res, await listLiveHolds(db, userId, clock()));
  });

  router.get('/bookings/:id', async (req, res) => {
    requireUser(req);
    const booking = await readBooking(store, req.params.id, clock());
    if (!booking || !mayRead(req, booking)) throw bookingNotFound();
    ok(res, booking);
  });

  return router;
}
