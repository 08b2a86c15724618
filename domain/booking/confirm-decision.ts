import type { AppError } from '../shared';
import { ShowStartedError, invalidState, showHasBegun } from './booking-rules';
import type { Confirm } from './commands';
import type { BookingEvent } from './events';
import type { Booking } from './state';

/**
 * Why a confirm loses: the hold lapsed or ended first (or another payment confirmed it), this payment is
 * not the one in flight, or the show began before the payment landed.
 */
export type ConfirmRefusal = 'EXPIRED' | 'NOT_RESERVED' | 'NOT_PAYMENT_IN_FLIGHT' | 'SHOW_STARTED';

/**
 * What a refused confirm does with the seats, since an earlier attempt may have confirmed them in the
 * inventory and then lost its append: `none` for a booking another payment (or none) holds; `return-sold`
 * for an ended booking (seats sold for it go back; its hold is gone, or the sweeper's); `give-back` for a
 * hold the show overtook (the hold and any seats sold for it go back, and the payment is refunded).
 */
export type SeatsOnRefusal = 'none' | 'return-sold' | 'give-back';

export type ConfirmDecision =
  /** `events` is empty when this payment confirmed the booking already. */
  | { readonly ok: true; readonly events: BookingEvent[] }
  | {
      readonly ok: false;
      readonly reason: ConfirmRefusal;
      readonly seats: SeatsOnRefusal;
      /** The domain error the decider throws for it. */
      readonly error: AppError;
    };

const notLive = 'Only a reserved booking whose hold is still live can be confirmed';

/**
 * Whether a succeeded payment confirms the booking. Decided before any seat moves, so the inventory
 * step follows the decision: the actor confirms the hold only when this says `ok` with an event.
 */
export function decideConfirm(command: Confirm, booking: Booking): ConfirmDecision {
  const refused = (reason: ConfirmRefusal, seats: SeatsOnRefusal, error: AppError): ConfirmDecision => ({
    ok: false,
    reason,
    seats,
    error,
  });
  if (booking.status === 'confirmed') {
    if (booking.paidWith === command.paymentId) return { ok: true, events: [] };
    return refused('NOT_RESERVED', 'none', invalidState(booking, notLive));
  }
  const lapsed = booking.status === 'reserved' && command.now.getTime() >= booking.expiresAt;
  if (booking.status !== 'reserved' || lapsed) {
    const reason = lapsed || booking.status === 'expired' ? 'EXPIRED' : 'NOT_RESERVED';
    return refused(reason, 'return-sold', invalidState(booking, notLive));
  }
  if (booking.paymentInFlight !== command.paymentId) {
    const error = invalidState(booking, 'Only the payment in flight can confirm a booking');
    return refused('NOT_PAYMENT_IN_FLIGHT', 'none', error);
  }
  if (showHasBegun(booking.showStartsAt, command.now)) {
    const error = new ShowStartedError(booking, booking.showStartsAt, 'confirmed');
    return refused('SHOW_STARTED', 'give-back', error);
  }
  const data = {
    bookingId: booking.bookingId,
    confirmationCode: command.confirmationCode,
    confirmedAt: command.now.toISOString(),
    paymentId: command.paymentId,
  };
  return { ok: true, events: [{ type: 'BookingConfirmed', data }] };
}
