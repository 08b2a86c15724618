import { AppError, assertWellFormedText, type Decider } from '../shared';
import {
  ShowStartedError,
  assertOwner,
  holdIsDue,
  invalidState,
  isLive,
  notFound,
  showHasBegun,
} from './booking-rules';
import type {
  BookingCommand,
  Cancel,
  CancelForEvent,
  Expire,
  RecordPaymentFailure,
  RecordRefund,
  RequestPayment,
  Reserve,
} from './commands';
import { decideConfirm } from './confirm-decision';
import type { BookingEvent, RefundDue } from './events';
import { refundAmount, refundPercent } from './refund-policy';
import { evolve, type Booking, type BookingState } from './state';

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

function decideRequestPayment(command: RequestPayment, booking: Booking): BookingEvent[] {
  assertOwner(booking, command.userId);
  const showStartsAt = command.showStartsAt?.getTime() ?? booking.showStartsAt;
  if (booking.status === 'reserved' && showHasBegun(showStartsAt, command.now))
    throw new ShowStartedError(booking, showStartsAt, 'paid');
  if (!isLive(booking, command.now))
    throw invalidState(booking, 'Only a reserved booking whose hold is still live can be paid');
  if (booking.paymentInFlight)
    throw invalidState(booking, 'A payment for this booking is already in progress');
  const data = {
    bookingId: booking.bookingId,
    paymentId: command.paymentId,
    amount: booking.totalPrice,
    currency: booking.currency,
    card: command.card,
    requestedAt: command.now.toISOString(),
    ...(command.showStartsAt ? { showStartsAt: command.showStartsAt.toISOString() } : {}),
  };
  return [{ type: 'BookingPaymentRequested', data }];
}

function decidePaymentFailure(command: RecordPaymentFailure, booking: Booking): BookingEvent[] {
  if (booking.paymentInFlight !== command.paymentId) return [];
  const { paymentId, reason } = command;
  const data = { bookingId: booking.bookingId, paymentId, reason, failedAt: command.now.toISOString() };
  return [{ type: 'BookingPaymentFailed', data }];
}

function fullRefund(booking: Booking, percent: number): RefundDue | null {
  if (!booking.paidWith || percent === 0) return null;
  const amount = refundAmount(booking.totalPrice, percent);
  return { paymentId: booking.paidWith, percent, amount, currency: booking.currency };
}

function decideCancel(command: Cancel, booking: Booking): BookingEvent[] {
  assertOwner(booking, command.userId);
  assertWellFormedText('reason', command.reason);
  const { now } = command;
  const cancelled = (refund: RefundDue | null): BookingEvent[] => [
    {
      type: 'BookingCancelled',
      data: {
        bookingId: booking.bookingId,
        reason: command.reason,
        cancelledAt: now.toISOString(),
        by: command.userId,
        refund,
      },
    },
  ];
  if (isLive(booking, now)) return cancelled(null);
  if (booking.status !== 'confirmed')
    throw invalidState(booking, 'Only a live hold or a confirmed booking can be cancelled');
  if (!command.showStartsAt) throw new Error('Cancelling a confirmed booking needs the show start');
  if (now.getTime() >= command.showStartsAt.getTime())
    throw invalidState(booking, 'The show has begun; the booking can no longer be cancelled');
  return cancelled(fullRefund(booking, refundPercent(command.showStartsAt, now)));
}

function decideCancelForEvent(command: CancelForEvent, booking: Booking): BookingEvent[] {
  if (booking.status !== 'reserved' && booking.status !== 'confirmed') return [];
  const refund = booking.status === 'confirmed' ? fullRefund(booking, 100) : null;
  const data = {
    bookingId: booking.bookingId,
    reason: command.reason,
    cancelledAt: command.now.toISOString(),
    by: command.by,
    refund,
  };
  return [{ type: 'BookingCancelled', data }];
}

function decideExpire(command: Expire, booking: Booking): BookingEvent[] {
  // The sweeper may see a hold again after the booking ended some other way: nothing to do.
  if (booking.status !== 'reserved') return [];
  if (!holdIsDue(booking, command.now)) throw invalidState(booking, 'The hold has not expired yet');
  return [
    { type: 'BookingExpired', data: { bookingId: booking.bookingId, expiredAt: command.now.toISOString() } },
  ];
}

function decideRecordRefund(command: RecordRefund, booking: Booking): BookingEvent[] {
  if (booking.refundIds.includes(command.refundId)) return [];
  // A refund lands on a booking that ended; one whose hold lapsed counts as ended before the sweeper says so.
  if (isLive(booking, command.now))
    throw invalidState(booking, 'A live hold has nothing to refund; the refund belongs to an ended booking');
  const { paymentId, refundId, amount, currency, reason } = command;
  const data = {
    bookingId: booking.bookingId,
    paymentId,
    refundId,
    amount,
    currency,
    reason,
    refundedAt: command.now.toISOString(),
  };
  return [{ type: 'BookingRefunded', data }];
}

/**
 * The booking aggregate (`booking-<id>`): reserved → confirmed | cancelled | expired; a paid booking
 * that ends or is cancelled is refunded. One payment may be in flight at a time.
 */
export const bookingDecider: Decider<BookingCommand, BookingEvent, BookingState> = {
  initialState: undefined,
  evolve,
  decide(command, state) {
    if (command.type === 'Reserve') return decideReserve(command, state);
    if (!state) throw notFound();
    switch (command.type) {
      case 'RequestPayment':
        return decideRequestPayment(command, state);
      case 'RecordPaymentFailure':
        return decidePaymentFailure(command, state);
      case 'Confirm': {
        const decision = decideConfirm(command, state);
        if (!decision.ok) throw decision.error;
        return decision.events;
      }
      case 'Cancel':
        return decideCancel(command, state);
      case 'CancelForEvent':
        return decideCancelForEvent(command, state);
      case 'Expire':
        return decideExpire(command, state);
      case 'RecordRefund':
        return decideRecordRefund(command, state);
    }
  },
};
