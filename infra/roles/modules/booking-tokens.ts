import type { ServiceIdentifier } from 'inversify';
import type { BookingLifecycle, SeatReservations } from '../../../command-side/booking';

/**
 * What the booking modules bind: `booking-module.ts` the reservations, `booking-lifecycle-module.ts` the
 * lifecycle.
 */
export const BookingTokens = {
  Reservations: Symbol('SeatReservations') as ServiceIdentifier<SeatReservations>,
  /** Pay, confirm, cancel, refund: the booking after its hold (the HTTP routes and the saga drive it). */
  Lifecycle: Symbol('BookingLifecycle') as ServiceIdentifier<BookingLifecycle>,
} as const;
