import type { PaymentFailureReason } from '../payment/events';
import type { BookingEvent, BookingReserved, RefundDue } from './events';
import type { BookingStatus } from './state';

/** The latest payment of a booking, as far as the booking knows it. */
export type BookingPaymentView = {
  readonly paymentId: string;
  readonly status: 'pending' | 'failed' | 'succeeded';
  readonly failureReason: PaymentFailureReason | null;
};

/** A booking as the API shows it (API.md, Bookings): its reservation, money in minor units of `currency`. */
export type BookingView = Omit<BookingReserved['data'], 'bookingId'> & {
  readonly id: string;
  readonly status: BookingStatus;
  /** When the booking left `reserved` (confirmed, cancelled or expired); null while it is a hold. */
  readonly endedAt: string | null;
  readonly confirmationCode: string | null;
  /** What the e-ticket's QR code encodes; null until confirmed, and again once cancelled. */
  readonly ticket: string | null;
  readonly payment: BookingPaymentView | null;
  /** Owed back by a cancellation of a paid booking (policy or event cancelled). */
  readonly refundDue: RefundDue | null;
  /** Money already given back, in minor units. */
  readonly refundedAmount: number;
};

/** The QR payload of an e-ticket: the booking and its unguessable confirmation code. */
export const ticketPayload = (bookingId: string, confirmationCode: string): string =>
  `booking-rush:ticket:v1:${bookingId}:${confirmationCode}`;

/**
 * Folds a booking's events into its view. A hold whose expiry has passed reads as `expired` even before
 * the sweeper appended `BookingExpired` (it does so within seconds): the seats are no longer the buyer's.
 */
export function bookingView(events: readonly BookingEvent[], now: Date): BookingView | undefined {
  let view: BookingView | undefined;
  for (const event of events) view = evolveView(view, event);
  return view && asOf(view, now);
}

/** A view as seen at `now`: a hold whose expiry has passed reads as `expired`, ended at its expiry. */
export function asOf(view: BookingView, now: Date): BookingView {
  if (view.status === 'reserved' && Date.parse(view.expiresAt) <= now.getTime()) {
    return { ...view, status: 'expired', endedAt: view.expiresAt };
  }
  return view;
}

/**
 * Its seats were sold and it was cancelled since (a refund may have followed): they are owed back to
 * sale as sold seats, not as a hold.
 */
export const cancelledAfterConfirm = (view: BookingView): boolean =>
  view.confirmationCode !== null && view.status !== 'confirmed';

/** One event folded into the view (`bookingView` folds a whole stream). */
export function evolveView(view: BookingView | undefined, event: BookingEvent): BookingView | undefined {
  if (event.type === 'BookingReserved') {
    const { bookingId, ...data } = event.data;
    return {
      id: bookingId,
      status: 'reserved',
      ...data,
      endedAt: null,
      confirmationCode: null,
      ticket: null,
      payment: null,
      refundDue: null,
      refundedAmount: 0,
    };
  }
  if (!view) return view;
  switch (event.type) {
    case 'BookingPaymentRequested':
      return {
        ...view,
        payment: { paymentId: event.data.paymentId, status: 'pending', failureReason: null },
      };
    case 'BookingPaymentFailed':
      return {
        ...view,
        payment: { paymentId: event.data.paymentId, status: 'failed', failureReason: event.data.reason },
      };
    case 'BookingConfirmed': {
      const { bookingId, confirmationCode, confirmedAt, paymentId } = event.data;
      const payment = paymentId
        ? { paymentId, status: 'succeeded' as const, failureReason: null }
        : view.payment;
      return {
        ...view,
        status: 'confirmed',
        endedAt: confirmedAt,
        confirmationCode,
        ticket: ticketPayload(bookingId, confirmationCode),
        payment,
      };
    }
    case 'BookingCancelled':
      return {
        ...view,
        status: 'cancelled',
        endedAt: event.data.cancelledAt,
        ticket: null,
        refundDue: event.data.refund ?? null,
      };
    case 'BookingExpired':
      return { ...view, status: 'expired', endedAt: event.data.expiredAt };
    case 'BookingRefunded':
      return {
        ...view,
        status: view.status === 'confirmed' ? 'confirmed' : 'refunded',
        refundedAmount: view.refundedAmount + event.data.amount,
      };
  }
}
