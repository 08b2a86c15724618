import type { BookingEvent, BookingReserved } from './events';
import type { BookingStatus } from './state';

/** A booking as the API shows it (API.md, Bookings): its reservation, money in minor units of `currency`. */
export type BookingView = Omit<BookingReserved['data'], 'bookingId'> & {
  readonly id: string;
  readonly status: BookingStatus;
  /** When the booking left `reserved` (confirmed, cancelled or expired); null while it is a hold. */
  readonly endedAt: string | null;
  readonly confirmationCode: string | null;
};

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

function evolveView(view: BookingView | undefined, event: BookingEvent): BookingView | undefined {
  switch (event.type) {
    case 'BookingReserved': {
      const { bookingId, ...data } = event.data;
      return { id: bookingId, status: 'reserved', ...data, endedAt: null, confirmationCode: null };
    }
    case 'BookingConfirmed':
      return (
        view && {
          ...view,
          status: 'confirmed',
          endedAt: event.data.confirmedAt,
          confirmationCode: event.data.confirmationCode,
        }
      );
    case 'BookingCancelled':
      return view && { ...view, status: 'cancelled', endedAt: event.data.cancelledAt };
    case 'BookingExpired':
      return view && { ...view, status: 'expired', endedAt: event.data.expiredAt };
    case 'BookingRefunded':
      return view && { ...view, status: 'refunded' };
  }
}
