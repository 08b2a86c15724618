import { asOf, type BookingStatus, type BookingView } from '../../domain/booking';

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
};

export const bookingColumns =
  'id, user_id, event_id, show_id, zone_id, quantity, unit_price, total_price, currency, status, expires_at, reserved_at, ended_at, confirmation_code';

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
    },
    now,
  );
}
