import type { CardRef, PaymentFailureReason } from '../payment/events';

/** Record a hold the inventory actor granted; the price and expiry come from the server. */
export type Reserve = {
  readonly type: 'Reserve';
  readonly bookingId: string;
  readonly userId: string;
  readonly eventId: string;
  readonly showId: string;
  readonly zoneId: string;
  readonly quantity: number;
  readonly unitPrice: number;
  readonly currency: string;
  readonly expiresAt: Date;
  readonly now: Date;
};

/**
 * The owner pays the booking's total with a tokenised card; the amount comes from the booking. Refused
 * once the show has begun (`showStartsAt`, from the catalog, when known).
 */
export type RequestPayment = {
  readonly type: 'RequestPayment';
  readonly userId: string;
  readonly paymentId: string;
  readonly card: CardRef;
  readonly showStartsAt?: Date;
  readonly now: Date;
};

/** The saga reports that the payment in flight failed, so the buyer may try again. */
export type RecordPaymentFailure = {
  readonly type: 'RecordPaymentFailure';
  readonly paymentId: string;
  readonly reason: PaymentFailureReason;
  readonly now: Date;
};

/** The saga confirms once the payment in flight succeeded. */
export type Confirm = {
  readonly type: 'Confirm';
  readonly paymentId: string;
  readonly confirmationCode: string;
  readonly now: Date;
};

/**
 * `userId` is the signed-in user, who must own the booking. A confirmed booking may be cancelled before
 * its show begins (`showStartsAt` is then required); the refund policy decides what goes back.
 */
export type Cancel = {
  readonly type: 'Cancel';
  readonly userId: string;
  readonly reason: string | null;
  readonly showStartsAt?: Date;
  readonly now: Date;
};

/** The organizer cancelled the event: holds close, confirmed bookings are refunded in full. */
export type CancelForEvent = {
  readonly type: 'CancelForEvent';
  readonly by: string;
  readonly reason: string | null;
  readonly now: Date;
};

/** The expiry sweeper's command once the hold's time is up. */
export type Expire = { readonly type: 'Expire'; readonly now: Date };

/** The saga records money that went back to the buyer (once per refund id). */
export type RecordRefund = {
  readonly type: 'RecordRefund';
  readonly paymentId: string;
  readonly refundId: string;
  readonly amount: number;
  readonly currency: string;
  readonly reason: string;
  readonly now: Date;
};

export type BookingCommand =
  Reserve | RequestPayment | RecordPaymentFailure | Confirm | Cancel | CancelForEvent | Expire | RecordRefund;
