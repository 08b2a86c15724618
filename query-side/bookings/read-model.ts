import {
  asOf,
  ticketPayload,
  type BookingPaymentView,
  type BookingStatus,
  type BookingView,
  type RefundDue,
} from '../../domain/booking';

/** The view of `projections/bookings` (logical name; it points at the active generation). */
export const bookingsView = 'rm_bookings';

type Time = Date | string;

export type BookingRow = {
  id: string;
  user_id: string;
  event_id: string;
  show_id: string;
  zone_id: string;
  quantity: number | string;
  unit_price: number | string;
  total_price: number | string;
  currency: string;
  status: BookingStatus;
  expires_at: Time;
  reserved_at: Time;
  ended_at: Time | null;
  confirmation_code: string | null;
  payment_id: string | null;
  payment_status: BookingPaymentView['status'] | null;
  payment_failure_reason: BookingPaymentView['failureReason'];
  refund_due: RefundDue | null;
  refunded_amount: number | string;
};

export const bookingColumns =
  'id, user_id, event_id, show_id, zone_id, quantity, unit_price, total_price, currency, status, expires_at, reserved_at, ended_at, confirmation_code, payment_id, payment_status, payment_failure_reason, refund_due, refunded_amount';

const iso = (value: Time): string => new Date(value).toISOString();

/**
 * The row as `bookingView` (domain/booking) shows the same booking: a hold past its expiry reads as
 * `expired`, ended at its expiry, even before the sweeper appended BookingExpired.
 */
export function toBookingView(row: BookingRow, now: Date): BookingView {
  return asOf(
    {
      id: row.id,
      status: row.status,
      userId: row.user_id,
      eventId: row.event_id,
      showId: row.show_id,
      zoneId: row.zone_id,
      quantity: Number(row.quantity),
      unitPrice: Number(row.unit_price),
      totalPrice: Number(row.total_price),
      currency: row.currency,
      expiresAt: iso(row.expires_at),
      reservedAt: iso(row.reserved_at),
      endedAt: row.ended_at === null ? null : iso(row.ended_at),
      confirmationCode: row.confirmation_code,
      ticket:
        row.status === 'confirmed' && row.confirmation_code
          ? ticketPayload(row.id, row.confirmation_code)
          : null,
      payment:
        row.payment_id && row.payment_status
          ? {
              paymentId: row.payment_id,
              status: row.payment_status,
              failureReason: row.payment_failure_reason,
            }
          : null,
      refundDue: row.refund_due,
      refundedAmount: Number(row.refunded_amount),
    },
    now,
  );
}
