import type { CardRef, PaymentFailureReason } from '../payment/events';
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

/** The buyer asked to pay the booking's total with a tokenised card; one payment is in flight at a time. */
export type BookingPaymentRequested = Event<
  'BookingPaymentRequested',
  {
    readonly bookingId: string;
    readonly paymentId: string;
    readonly amount: number;
    readonly currency: string;
    readonly card: CardRef;
    readonly requestedAt: string;
    /**
     * When the show began as the payment was asked for: a payment that succeeds after it is refunded,
     * never confirmed. Absent on requests recorded before this rule.
     */
    readonly showStartsAt?: string;
  }
>;

/** The payment in flight failed; the hold stays, so the buyer may pay again until it expires. */
export type BookingPaymentFailed = Event<
  'BookingPaymentFailed',
  {
    readonly bookingId: string;
    readonly paymentId: string;
    readonly reason: PaymentFailureReason;
    readonly failedAt: string;
  }
>;

export type BookingConfirmed = Event<
  'BookingConfirmed',
  {
    readonly bookingId: string;
    readonly confirmationCode: string;
    readonly confirmedAt: string;
    /** The succeeded payment that confirmed it (absent only on bookings confirmed before payments). */
    readonly paymentId?: string;
  }
>;

export type BookingCancelled = Event<
  'BookingCancelled',
  {
    readonly bookingId: string;
    readonly reason: string | null;
    readonly cancelledAt: string;
    /** The user who cancelled: the buyer, or the organizer or admin who cancelled the event. */
    readonly by: string;
    /** What the buyer gets back when a paid booking is cancelled (policy or event cancelled); else absent. */
    readonly refund?: RefundDue | null;
  }
>;

/** A share of what was paid, owed back to the buyer. */
export type RefundDue = {
  readonly paymentId: string;
  readonly percent: number;
  readonly amount: number;
  readonly currency: string;
};

export type BookingExpired = Event<
  'BookingExpired',
  { readonly bookingId: string; readonly expiredAt: string }
>;

/** Money went back to the buyer: a late payment, a failed confirm, or a cancelled paid booking. */
export type BookingRefunded = Event<
  'BookingRefunded',
  {
    readonly bookingId: string;
    readonly paymentId: string;
    /** Absent only on refunds recorded before refund ids existed. */
    readonly refundId?: string;
    readonly amount: number;
    readonly currency: string;
    readonly reason: string;
    readonly refundedAt: string;
  }
>;

/** Every event of the `booking-<id>` stream. */
export type BookingEvent =
  | BookingReserved
  | BookingPaymentRequested
  | BookingPaymentFailed
  | BookingConfirmed
  | BookingCancelled
  | BookingExpired
  | BookingRefunded;

export const bookingEventTypes: readonly BookingEvent['type'][] = [
  'BookingReserved',
  'BookingPaymentRequested',
  'BookingPaymentFailed',
  'BookingConfirmed',
  'BookingCancelled',
  'BookingExpired',
  'BookingRefunded',
];
