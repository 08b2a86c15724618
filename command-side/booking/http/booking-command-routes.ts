import { Router, type Request, type Response } from 'express';
import { created, requestMetadata, requireUser, validateBody } from '../../../infra/http-edge';
import type { IdempotencyStore } from '../../../infra/ports/idempotency-store';
import type { RateLimiter } from '../../../infra/ports/rate-limiter';
import { answerIdempotently, idempotencyKeyOf, successAnswer } from '../../idempotency';
import { rateLimitHeaders, takeOrRefuse } from '../../rate-limit';
import type { BookingLifecycle } from '../booking-lifecycle';
import type { SeatReservations } from '../reserve-seats';
import { payBooking, type CardTokenizer } from '../pay-booking';
import { CancelBookingDto, PayBookingDto, ReserveSeatsDto } from './dtos';

type Bucket = { readonly limit: number; readonly refillPerSecond: number };

export type BookingCommandRoutesDeps = {
  readonly reservations: SeatReservations;
  readonly lifecycle: BookingLifecycle;
  readonly idempotency: IdempotencyStore;
  readonly rateLimiter: RateLimiter;
  readonly tokenizer: CardTokenizer;
  /** Cancel and pay; the reserve bucket is taken by the inventory actor (SeatReservations). */
  readonly rateLimits: { readonly cancel: Bucket; readonly pay: Bucket };
};

/**
 * The booking writes (API.md, Bookings), mounted at `/api/v1/bookings`: sign-in, the Idempotency-Key and
 * body checks (no I/O), then for pay and cancel the endpoint's token bucket and the key's claim in one
 * round trip, then the command, at most once per (buyer, key). A reservation goes straight to its one
 * actor call, which does the bucket and the key itself.
 */
export function bookingCommandRoutes(deps: BookingCommandRoutesDeps): Router {
  const router = Router();
  const limited = (name: 'cancel' | 'pay', req: Request, res: Response) => () =>
    takeOrRefuse(deps.rateLimiter, { name, ...deps.rateLimits[name] }, req, res);

  // The bucket, the key and the hold are one actor call (SeatReservations), not the stores below.
  router.post('/', async (req, res) => {
    const buyer = requireUser(req);
    const key = idempotencyKeyOf(req);
    const dto = await validateBody(ReserveSeatsDto, req.body);
    const queuePass = req.get('Queue-Pass');
    const reservation = await deps.reservations.reserve({
      userId: buyer.userId,
      zoneId: dto.zoneId,
      quantity: dto.quantity,
      idempotencyKey: key,
      ...(queuePass !== undefined ? { queuePass } : {}),
      metadata: requestMetadata(req),
    });
    if (reservation.bucket) rateLimitHeaders(res, reservation.bucket);
    if (reservation.replayed) res.setHeader('Idempotent-Replayed', 'true');
    if (!reservation.ok) throw reservation.error;
    created(res, reservation.booking);
  });

  router.post('/:id/cancel', async (req, res) => {
    const buyer = requireUser(req);
    const key = idempotencyKeyOf(req);
    const dto = await validateBody(CancelBookingDto, req.body);
    const bookingId = String(req.params.id);
    const admission = limited('cancel', req, res);
    const claim = { store: deps.idempotency, userId: buyer.userId, key, admission };
    await answerIdempotently(req, res, claim, async () => {
      const booking = await deps.lifecycle.cancel({
        userId: buyer.userId,
        bookingId,
        reason: dto.reason ?? null,
        metadata: requestMetadata(req),
      });
      return successAnswer(200, booking);
    });
  });

  router.post('/:id/pay', async (req, res) => {
    const buyer = requireUser(req);
    const key = idempotencyKeyOf(req);
    const dto = await validateBody(PayBookingDto, req.body);
    const bookingId = String(req.params.id);
    const admission = limited('pay', req, res);
    const claim = { store: deps.idempotency, userId: buyer.userId, key, admission };
    await answerIdempotently(req, res, claim, async () => {
      const accepted = await payBooking(deps, {
        userId: buyer.userId,
        bookingId,
        cardNumber: dto.cardNumber,
        metadata: requestMetadata(req),
      });
      return successAnswer(202, accepted);
    });
  });

  return router;
}
