import type { CardRef, RefundReason } from '../../../domain/payment';
import type { EventMetadata } from '../../../domain/shared';
import type { Replay } from '../booking-commands';

/** The payment stream commands the saga appends (the payment service executes them). */
export type PaymentRequests = {
  requestCharge(input: {
    paymentId: string;
    bookingId: string;
    userId: string;
    amount: number;
    currency: string;
    card: CardRef;
    metadata: EventMetadata;
    replay: Replay;
  }): Promise<void>;
  requestRefund(input: {
    paymentId: string;
    bookingId: string;
    refundId: string;
    amount: number;
    currency: string;
    reason: RefundReason;
    metadata: EventMetadata;
    replay: Replay;
  }): Promise<void>;
};
