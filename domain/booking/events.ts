import type { Event } from '../shared';

/** Seats are held for a buyer until `expiresAt`; prices come from the zone, in minor units of `currency`. */
export type BookingReserved = Event<
  'BookingReserved',
  {
    readonly bookingId: string;
    readonly userId: string;
    readonly eventId: string;
    readonly showId: string;
    readonly zoneId: string;
    readonly quantity: number;
    readonly unitPrice: number;
    readonly totalPrice: number;
    readonly currency: string;
    readonly expiresAt: string;
    readonly reservedAt: string;
  }
>;

export type BookingConfirmed = Event<
  'BookingConfirmed',
  { readonly bookingId: string; readonly confirmationCode: string; readonly confirmedAt: string }
>;

export type BookingCancelled = Event<
  'BookingCancelled',
  {
    readonly bookingId: string;
    readonly reason: string | null;
    readonly cancelledAt: string;
    /** The user who cancelled. */
    readonly by: string;
  }
>;

export type BookingExpired = Event<
  'BookingExpired',
  { readonly bookingId: string; readonly expiredAt: string }
>;

/** A payment that landed after the hold ended was given back (the payments issue appends it). */
export type BookingRefunded = Event<
  'BookingRefunded',
  {
    readonly bookingId: string;
    readonly paymentId: string;
    readonly amount: number;
    readonly currency: string;
    readonly reason: string;
    readonly refundedAt: string;
  }
>;

/** Every event of the `booking-<id>` stream. */
export type BookingEvent =
  BookingReserved | BookingConfirmed | BookingCancelled | BookingExpired | BookingRefunded;

export const bookingEventTypes: readonly BookingEvent['type'][] = [
  'BookingReserved',
  'BookingConfirmed',
  'BookingCancelled',
  'BookingExpired',
  'BookingRefunded',
];
