import { AppError } from '../shared';
import type { Booking, BookingState } from './state';

export const notFound = () => new AppError('NOT_FOUND', 'No such booking');
export const invalidState = (booking: Booking, message: string) =>
  new AppError('INVALID_STATE', message, { bookingId: booking.bookingId, status: booking.status });

/** `showStartsAt` (epoch ms) is known and has passed. */
export function showHasBegun(showStartsAt: number | null, now: Date): showStartsAt is number {
  return showStartsAt !== null && now.getTime() >= showStartsAt;
}

/** A hold lasts until its expiry, and never past the start of its show. */
export const isLive = (booking: Booking, now: Date) =>
  booking.status === 'reserved' &&
  now.getTime() < booking.expiresAt &&
  !showHasBegun(booking.showStartsAt, now);

/** Someone else's booking does not exist for this user (API.md: 404 to anyone else). */
export function assertOwner(booking: BookingState, userId: string): asserts booking is Booking {
  if (!booking || booking.userId !== userId) throw notFound();
}

/** A hold whose time is up and that nothing else ended: its expiry is due. */
export const holdIsDue = (booking: BookingState, now: Date): booking is Booking =>
  booking?.status === 'reserved' && now.getTime() >= booking.expiresAt;

/**
 * The show has begun: the booking can no longer be paid, and a payment that lands now cannot confirm
 * it (the saga refunds that payment). 409 INVALID_STATE, told apart from other refusals by its class.
 */
export class ShowStartedError extends AppError {
  constructor(booking: Booking, showStartsAt: number, action: 'paid' | 'confirmed') {
    super('INVALID_STATE', `The show has begun; the booking can no longer be ${action}`, {
      bookingId: booking.bookingId,
      status: booking.status,
      showStartsAt: new Date(showStartsAt).toISOString(),
    });
  }
}
