import type { BookingStatus } from '../../domain/booking';

export type SagaPayment = {
  readonly status: 'requested' | 'succeeded' | 'failed';
  readonly amount: number;
  readonly currency: string;
};

/** What the booking saga remembers of one booking: enough to decide, never read from other streams. */
export type BookingSagaState = {
  readonly bookingId: string;
  readonly eventId: string;
  readonly zoneId: string;
  readonly userId: string;
  readonly totalPrice: number;
  readonly currency: string;
  readonly expiresAt: string;
  readonly status: BookingStatus;
  readonly payments: Readonly<Record<string, SagaPayment>>;
  /** The payment that confirmed the booking. */
  readonly paidWith: string | null;
  /** Why each requested refund was asked for, by refund id (the gateway's answer does not say). */
  readonly refundReasons: Readonly<Record<string, string>>;
};

/** Statuses whose booking may still hold or own seats: an event's cancellation reaches these. */
export const openStatuses: readonly BookingStatus[] = ['reserved', 'confirmed'];
