import type { ApiOperation } from '../../../infra/http-edge';
import { CancelBookingDto, PayBookingDto, ReserveSeatsDto } from './dtos';

const bookingId = { id: { description: 'The booking', format: 'uuid' } } as const;

/** Cancel and pay: a booking of the buyer's, in a state that allows it, under a key and a rate limit. */
const afterTheHoldErrors = [
  'IDEMPOTENCY_KEY_REQUIRED',
  'NOT_FOUND',
  'INVALID_STATE',
  'IDEMPOTENCY_KEY_REUSED',
  'RATE_LIMITED',
  'CONCURRENCY_CONFLICT',
] as const;

/** What `bookingCommandRoutes` serves, for the OpenAPI document (mounted at `/bookings`). */
export const bookingCommandOperations: readonly ApiOperation[] = [
  {
    method: 'post',
    path: '/',
    operationId: 'reserveSeats',
    tag: 'Bookings',
    summary: 'Hold seats in a zone for 10 minutes',
    description:
      'The hold is decided in one call to the inventory actor: the rate limit, the Idempotency-Key, the ' +
      "buyer's ticket limit, the seats, and the waiting room's pass when the event has a room. The price " +
      'comes from the zone. Pay within `expiresAt` or the seats go back.',
    access: 'signed-in',
    body: ReserveSeatsDto,
    headers: ['Idempotency-Key', 'Queue-Pass'],
    responses: {
      201: {
        description: 'The booking, reserved',
        data: 'BookingView',
        headers: ['Idempotent-Replayed', 'RateLimit'],
      },
    },
    errors: [
      'IDEMPOTENCY_KEY_REQUIRED',
      'QUEUE_PASS_REQUIRED',
      'QUEUE_PASS_INVALID',
      'QUEUE_PASS_FOREIGN',
      'QUEUE_PASS_EXPIRED',
      'QUEUE_PASS_USED',
      'ZONE_NOT_FOUND',
      'INSUFFICIENT_SEATS',
      'TICKET_LIMIT_EXCEEDED',
      'SALE_NOT_OPEN',
      'IDEMPOTENCY_KEY_REUSED',
      'RATE_LIMITED',
    ],
  },
  {
    method: 'post',
    path: '/:id/cancel',
    operationId: 'cancelBooking',
    tag: 'Bookings',
    summary: 'Cancel a booking',
    description:
      'A hold ends at once and its seats go back. A confirmed booking is refunded under the refund ' +
      'policy (all of it more than 7 days before the show, half at 3–7 days, nothing under 3 days); the ' +
      'refund follows.',
    access: 'signed-in',
    params: bookingId,
    body: CancelBookingDto,
    headers: ['Idempotency-Key'],
    responses: {
      200: { description: 'The booking, cancelled', data: 'BookingView', headers: ['Idempotent-Replayed'] },
    },
    errors: afterTheHoldErrors,
  },
  {
    method: 'post',
    path: '/:id/pay',
    operationId: 'payBooking',
    tag: 'Bookings',
    summary: 'Pay for a held booking',
    description:
      'Accepted for the payment service: the booking is confirmed (or released) when the payment ' +
      'settles; read the booking to follow it. Refused once the hold has ended or the show has begun.',
    access: 'signed-in',
    params: bookingId,
    body: PayBookingDto,
    headers: ['Idempotency-Key'],
    responses: {
      202: { description: 'The payment, pending', data: 'PaymentAccepted', headers: ['Idempotent-Replayed'] },
    },
    errors: afterTheHoldErrors,
  },
];
