import type { CardRef, PaymentFailureReason, RefundReason } from './events';

/** Open a payment for the booking's total; the amount comes from the booking, never from the client. */
export type RequestCharge = {
  readonly type: 'Request';
  readonly paymentId: string;
  readonly bookingId: string;
  readonly userId: string;
  readonly amount: number;
  readonly currency: string;
  readonly card: CardRef;
  readonly now: Date;
};

/** The gateway charged the card. */
export type RecordChargeSuccess = {
  readonly type: 'RecordSuccess';
  readonly chargeId: string;
  readonly now: Date;
};

/** The card was declined, or the gateway kept failing after the retries. */
export type RecordChargeFailure = {
  readonly type: 'RecordFailure';
  readonly reason: PaymentFailureReason;
  readonly message: string;
  /** Gateway calls made, retries included. */
  readonly attempts: number;
  readonly now: Date;
};

/** Give back part or all of a succeeded payment; `refundId` names this refund, so a repeat is a no-op. */
export type RequestPaymentRefund = {
  readonly type: 'RequestRefund';
  readonly refundId: string;
  readonly amount: number;
  readonly reason: RefundReason;
  readonly now: Date;
};

/** The gateway carried out a requested refund. */
export type RecordPaymentRefund = {
  readonly type: 'RecordRefund';
  readonly refundId: string;
  readonly gatewayRefundId: string;
  readonly now: Date;
};

export type PaymentCommand =
  RequestCharge | RecordChargeSuccess | RecordChargeFailure | RequestPaymentRefund | RecordPaymentRefund;
