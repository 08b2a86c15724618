import type { CardRef, PaymentFailureReason, RefundReason } from '../../domain/payment';

/** What the saga asks for; each runs at least once and is idempotent by its message id. */
export type SagaCommand =
  | {
      readonly type: 'RequestCharge';
      readonly bookingId: string;
      readonly paymentId: string;
      readonly userId: string;
      readonly amount: number;
      readonly currency: string;
      readonly card: CardRef;
    }
  | { readonly type: 'Confirm'; readonly bookingId: string; readonly paymentId: string }
  | {
      readonly type: 'RecordPaymentFailure';
      readonly bookingId: string;
      readonly paymentId: string;
      readonly reason: PaymentFailureReason;
    }
  | {
      readonly type: 'RequestRefund';
      readonly bookingId: string;
      readonly paymentId: string;
      readonly refundId: string;
      readonly amount: number;
      readonly currency: string;
      readonly reason: RefundReason;
    }
  | {
      readonly type: 'RecordRefund';
      readonly bookingId: string;
      readonly paymentId: string;
      readonly refundId: string;
      readonly amount: number;
      readonly currency: string;
      readonly reason: string;
    }
  | { readonly type: 'ReturnSeats'; readonly bookingId: string }
  | {
      readonly type: 'CancelForEvent';
      readonly bookingId: string;
      readonly by: string;
      readonly reason: string | null;
    }
  /** The durable timeout at a hold's expiry: the sweeper's backstop. */
  | { readonly type: 'ExpireHold'; readonly bookingId: string };

/**
 * A command to schedule. `key` names it within its saga (e.g. `confirm:<paymentId>`): the message id is
 * derived from saga id and key, so the same decision made twice (a redelivery, a replay) is one row.
 */
export type Scheduled = {
  readonly key: string;
  readonly command: SagaCommand;
  /** ISO time it becomes due; now when absent. */
  readonly dueAt?: string;
};
