import { asOf, ticketPayload, type BookingView } from '../../domain/booking';
import type { SelectedBookingRow } from '../../projections/bookings/schema';

const iso = (value: Date | string): string => new Date(value).toISOString();

/**
 * The row as `bookingView` (domain/booking) shows the same booking: a hold past its expiry reads as
 * `expired`, ended at its expiry, even before the sweeper appended BookingExpired.
 */
export function toBookingView(row: SelectedBookingRow, now: Date): BookingView {
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
