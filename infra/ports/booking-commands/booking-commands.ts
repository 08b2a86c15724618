import type { PaymentFailureReason } from '../../../domain/payment';
import type { EventMetadata } from '../../../domain/shared';

/** Deterministic ids for the events a command appends, so running it twice appends once. */
export type Replay = { readonly eventIds: (index: number) => string };

export type ConfirmAnswer = { readonly ok: true } | { readonly ok: false; readonly reason: string };

/** The booking commands the saga drives (the command side's booking lifecycle implements them). */
export type BookingCommands = {
  confirm(input: {
    bookingId: string;
    paymentId: string;
    confirmationCode: string;
    metadata: EventMetadata;
  }): Promise<ConfirmAnswer>;
  recordPaymentFailure(input: {
    bookingId: string;
    paymentId: string;
    reason: PaymentFailureReason;
    metadata: EventMetadata;
    replay: Replay;
  }): Promise<void>;
  recordRefund(input: {
    bookingId: string;
    paymentId: string;
    refundId: string;
    amount: number;
    currency: string;
    reason: string;
    metadata: EventMetadata;
    replay: Replay;
  }): Promise<void>;
  cancelForEvent(input: {
    bookingId: string;
    by: string;
    reason: string | null;
    metadata: EventMetadata;
    replay: Replay;
  }): Promise<unknown>;
  /** A cancelled confirmed booking's seats back to sale; a no-op once done. */
  returnSeats(bookingId: string): Promise<unknown>;
  /** Expires a hold past its expiry that the sweeper has not (its seats back first); else nothing. */
  expireIfDue(input: { bookingId: string; metadata: EventMetadata }): Promise<unknown>;
};
