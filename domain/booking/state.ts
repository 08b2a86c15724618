import type { BookingEvent } from './events';

export type BookingStatus = 'reserved' | 'confirmed' | 'cancelled' | 'expired' | 'refunded';

export type Booking = {
  readonly bookingId: string;
  readonly userId: string;
  readonly status: BookingStatus;
  /** Epoch ms; the hold is live while `now < expiresAt`. */
  readonly expiresAt: number;
  readonly totalPrice: number;
  readonly currency: string;
  /** The payment requested and not yet failed: at most one at a time. */
  readonly paymentInFlight: string | null;
  /** The payment that confirmed the booking. */
  readonly paidWith: string | null;
  /** Refunds already recorded, so a redelivered one is recorded once. */
  readonly refundIds: readonly string[];
  /** Epoch ms the show begins, as the latest payment request recorded it; a hold ends there too. */
  readonly showStartsAt: number | null;
};

/** `undefined` until the booking is reserved. */
export type BookingState = Booking | undefined;

export function evolve(state: BookingState, event: BookingEvent): BookingState {
  switch (event.type) {
    case 'BookingReserved': {
      const { bookingId, userId, expiresAt, totalPrice, currency } = event.data;
      return {
        bookingId,
        userId,
        status: 'reserved',
        expiresAt: Date.parse(expiresAt),
        totalPrice,
        currency,
        paymentInFlight: null,
        paidWith: null,
        refundIds: [],
        showStartsAt: null,
      };
    }
    case 'BookingPaymentRequested': {
      const { paymentId, showStartsAt } = event.data;
      const starts = showStartsAt === undefined ? state?.showStartsAt : Date.parse(showStartsAt);
      return state && { ...state, paymentInFlight: paymentId, showStartsAt: starts ?? null };
    }
    case 'BookingPaymentFailed':
      return state && { ...state, paymentInFlight: null };
    case 'BookingConfirmed':
      return state && { ...state, status: 'confirmed', paidWith: event.data.paymentId ?? null };
    case 'BookingCancelled':
      return state && { ...state, status: 'cancelled' };
    case 'BookingExpired':
      return state && { ...state, status: 'expired' };
    case 'BookingRefunded': {
      const refundId = event.data.refundId;
      // A stray second payment refunded on a confirmed booking is money only: it stays confirmed (sold).
      return (
        state && {
          ...state,
          status: state.status === 'confirmed' ? 'confirmed' : 'refunded',
          refundIds: refundId ? [...state.refundIds, refundId] : state.refundIds,
        }
      );
    }
  }
}
