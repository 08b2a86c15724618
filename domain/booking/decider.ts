import { AppError, type Decider } from '../shared';
import type { BookingCommand, Cancel, Confirm, Expire, Reserve } from './commands';
import type { BookingEvent } from './events';
import { evolve, type Booking, type BookingState } from './state';

const notFound = () => new AppError('NOT_FOUND', 'No such booking');
const invalidState = (booking: Booking, message: string) =>
  new AppError('INVALID_STATE', message, { bookingId: booking.bookingId, status: booking.status });
const isLive = (booking: Booking, now: Date) =>
  booking.status === 'reserved' && now.getTime() < booking.expiresAt;

function decideReserve(command: Reserve, state: BookingState): BookingEvent[] {
  if (state) throw invalidState(state, `Booking ${command.bookingId} already exists`);
  if (!Number.isInteger(command.quantity) || command.quantity < 1)
    throw new AppError('VALIDATION_ERROR', 'quantity: must be a positive integer');
  if (command.expiresAt.getTime() <= command.now.getTime())
    throw new AppError('VALIDATION_ERROR', 'expiresAt: must lie after now');
  const { bookingId, userId, eventId, showId, zoneId, quantity, unitPrice, currency } = command;
  const data = {
    bookingId,
    userId,
    eventId,
    showId,
    zoneId,
    quantity,
    unitPrice,
    totalPrice: unitPrice * quantity,
    currency,
    expiresAt: command.expiresAt.toISOString(),
    reservedAt: command.now.toISOString(),
  };
  return [{ type: 'BookingReserved', data }];
}

function decideConfirm(command: Confirm, booking: Booking): BookingEvent[] {
  if (!isLive(booking, command.now))
    throw invalidState(booking, 'Only a reserved booking whose hold is still live can be confirmed');
  const data = {
    bookingId: booking.bookingId,
    confirmationCode: command.confirmationCode,
    confirmedAt: command.now.toISOString(),
  };
  return [{ type: 'BookingConfirmed', data }];
}

function decideCancel(command: Cancel, booking: Booking): BookingEvent[] {
  // Someone else's booking does not exist for this user (API.md: 404 to anyone else).
  if (booking.userId !== command.userId) throw notFound();
  // A confirmed booking's cancel and refund policy belongs to the payments issue.
  if (!isLive(booking, command.now))
    throw invalidState(booking, 'Only a reserved booking whose hold is still live can be cancelled');
  const data = {
    bookingId: booking.bookingId,
    reason: command.reason,
    cancelledAt: command.now.toISOString(),
    by: command.userId,
  };
  return [{ type: 'BookingCancelled', data }];
}

function decideExpire(command: Expire, booking: Booking): BookingEvent[] {
  // The sweeper may see a hold again after the booking ended some other way: nothing to do.
  if (booking.status !== 'reserved') return [];
  if (command.now.getTime() < booking.expiresAt) throw invalidState(booking, 'The hold has not expired yet');
  return [
    { type: 'BookingExpired', data: { bookingId: booking.bookingId, expiredAt: command.now.toISOString() } },
  ];
}

/** The booking aggregate (`booking-<id>`): reserved → confirmed | cancelled | expired, refunded. */
export const bookingDecider: Decider<BookingCommand, BookingEvent, BookingState> = {
  initialState: undefined,
  evolve,
  decide(command, state) {
    if (command.type === 'Reserve') return decideReserve(command, state);
    if (!state) throw notFound();
    switch (command.type) {
      case 'Confirm':
        return decideConfirm(command, state);
      case 'Cancel':
        return decideCancel(command, state);
      case 'Expire':
        return decideExpire(command, state);
    }
  },
};
