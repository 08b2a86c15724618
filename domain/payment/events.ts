import type { Event } from '../shared';

/** Why a charge did not go through; only `DECLINED` is the card's answer, the others are the gateway's. */
export type PaymentFailureReason = 'DECLINED' | 'GATEWAY_ERROR' | 'GATEWAY_TIMEOUT';

/** The card as the gateway's vault tokenised it: the card number itself never enters the log. */
export type CardRef = { readonly token: string; readonly last4: string; readonly brand: string };

/** The saga asks for a charge of the booking's total (never an amount from the client). */
export type PaymentRequested = Event<
  'PaymentRequested',
  {
    readonly paymentId: string;
    readonly bookingId: string;
    readonly userId: string;
    readonly amount: number;
    readonly currency: string;
    readonly card: CardRef;
    readonly requestedAt: string;
  }
>;

export type PaymentSucceeded = Event<
  'PaymentSucceeded',
  {
    readonly paymentId: string;
    readonly bookingId: string;
    readonly chargeId: string;
    readonly amount: number;
    readonly currency: string;
    readonly succeededAt: string;
  }
>;

export type PaymentFailed = Event<
  'PaymentFailed',
  {
    readonly paymentId: string;
    readonly bookingId: string;
    readonly reason: PaymentFailureReason;
    readonly message: string;
    /** Gateway calls made, retries included. */
    readonly attempts: number;
    readonly failedAt: string;
  }
>;

/** Money goes back: a late payment, a failed confirm, a cancelled booking or event. */
export type PaymentRefundRequested = Event<
  'PaymentRefundRequested',
  {
    readonly paymentId: string;
    readonly bookingId: string;
    readonly refundId: string;
    readonly amount: number;
    readonly currency: string;
    readonly reason: RefundReason;
    readonly requestedAt: string;
  }
>;

export type PaymentRefunded = Event<
  'PaymentRefunded',
  {
    readonly paymentId: string;
    readonly bookingId: string;
    readonly refundId: string;
    readonly gatewayRefundId: string;
    readonly amount: number;
    readonly currency: string;
    readonly refundedAt: string;
  }
>;

export type RefundReason =
  | 'HOLD_ENDED' // the payment succeeded after the hold expired or was cancelled
  | 'CONFIRM_FAILED' // the payment succeeded but the seats could not be confirmed
  | 'BOOKING_CANCELLED' // the buyer cancelled a confirmed booking (refund policy)
  | 'EVENT_CANCELLED'; // the organizer cancelled the event

/** Every event of the `payment-<id>` stream. */
export type PaymentEvent =
  PaymentRequested | PaymentSucceeded | PaymentFailed | PaymentRefundRequested | PaymentRefunded;

export const paymentEventTypes: readonly PaymentEvent['type'][] = [
  'PaymentRequested',
  'PaymentSucceeded',
  'PaymentFailed',
  'PaymentRefundRequested',
  'PaymentRefunded',
];
