import { Router, type RequestHandler } from 'express';
import { requestMetadata, requireUser, validateBody } from '../../../infra/ports/http';
import {
  answerIdempotently,
  idempotencyKeyOf,
  successAnswer,
  type IdempotencyStore,
} from '../../idempotency';
import { rateLimit, type RateLimiter } from '../../rate-limit';
import type { BookingLifecycle } from '../booking-lifecycle';
import type { SeatReservations } from '../reserve-seats';
import { CancelBookingDto, ReserveSeatsDto } from './dtos';

type Bucket = { readonly limit: number; readonly refillPerSecond: number };

export type BookingCommandRoutesDeps = {
  readonly reservations: SeatReservations;
  readonly lifecycle: BookingLifecycle;
  readonly idempotency: IdempotencyStore;
  readonly rateLimiter: RateLimiter;
  readonly rateLimits: { readonly reserve: Bucket; readonly cancel: Bucket };
};

/** Anonymous callers stop here, before they cost a rate-limit call. */
const signedIn: RequestHandler = (req, _res, next) => {
  requireUser(req);
  next();
};

/**
 * The booking writes (API.md, Bookings), mounted at `/api/v1/bookings`: sign-in, then the endpoint's token bucket, then
 * the Idempotency-Key and body checks, then the command, at most once per (buyer, key).
 */
export function bookingCommandRoutes(deps: BookingCommandRoutesDeps): Router {
  const router = Router();
  const limited = (name: 'reserve' | 'cancel') =>
    rateLimit(deps.rateLimiter, { name, ...deps.rateLimits[name] });

  router.post('/', signedIn, limited('reserve'), async (req, res) => {
    const buyer = requireUser(req);
    const key = idempotencyKeyOf(req);
    const dto = await validateBody(ReserveSeatsDto, req.body);
    await answerIdempotently(req, res, { store: deps.idempotency, userId: buyer.userId, key }, async () => {
      const booking = await deps.reservations.reserve({
        userId: buyer.userId,
        zoneId: dto.zoneId,
        quantity: dto.quantity,
        idempotencyKey: key,
        metadata: requestMetadata(req),
      });
      return successAnswer(201, booking);
    });
  });

  router.post('/:id/cancel', signedIn, limited('cancel'), async (req, res) => {
    const buyer = requireUser(req);
    const key = idempotencyKeyOf(req);
    const dto = await validateBody(CancelBookingDto, req.body);
    const bookingId = String(req.params.id);
    await answerIdempotently(req, res, { store: deps.idempotency, userId: buyer.userId, key }, async () => {
      const booking = await deps.lifecycle.cancel({
        userId: buyer.userId,
        bookingId,
        reason: dto.reason ?? null,
        metadata: requestMetadata(req),
      });
      return successAnswer(200, booking);
    });
  });

  return router;
}
