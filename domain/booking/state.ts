import type { BookingEvent } from './events';

export type BookingStatus = 'reserved' | 'confirmed' | 'cancelled' | 'expired' | 'refunded';

export type Booking = {
  readonly bookingId: string;
  readonly userId: string;
  readonly status: BookingStatus;
  /** Epoch ms; the hold is live while `now < expiresAt`. */
  readonly expiresAt: number;
};

/** `undefined` until the booking is reserved. */
export type BookingState = Booking | undefined;

export function evolve(state: BookingState, event: BookingEvent): BookingState {
  switch (event.type) {
    case 'BookingReserved': {
      const { bookingId, userId, expiresAt } = event.data;
      return { bookingId, userId, status: 'reserved', expiresAt: Date.parse(expiresAt) };
    }
    case 'BookingConfirmed':
      return state && { ...state, status: 'confirmed' };
    case 'BookingCancelled':
      return state && { ...state, status: 'cancelled' };
    case 'BookingExpired':
      return state && { ...state, status: 'expired' };
    case 'BookingRefunded':
      return state && { ...state, status: 'refunded' };
  }
}
