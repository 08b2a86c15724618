import type { Booking } from './api/types';

/** Seats a buyer already has for an event: live holds and confirmed bookings count against the limit. */
export function seatsTakenForEvent(bookings: readonly Booking[], eventId: string, now: number): number {
  return bookings
    .filter((booking) => booking.eventId === eventId)
    .filter(
      (booking) =>
        booking.status === 'confirmed' ||
        (booking.status === 'reserved' && Date.parse(booking.expiresAt) > now),
    )
    .reduce((sum, booking) => sum + booking.quantity, 0);
}

export type QuantityLimit = {
  /** The most the buyer can pick now (0 when nothing can be bought). */
  readonly max: number;
  /** Why the maximum is what it is. */
  readonly reason: 'zone' | 'per-buyer' | 'sold-out' | 'limit-reached';
};

/** The quantity picker's bound: the zone's live availability and what is left of the buyer's per-event limit. */
export function quantityLimit(input: {
  available: number;
  maxTicketsPerUser: number;
  alreadyTaken: number;
}): QuantityLimit {
  const remaining = Math.max(0, input.maxTicketsPerUser - input.alreadyTaken);
  const available = Math.max(0, input.available);
  if (available === 0) return { max: 0, reason: 'sold-out' };
  if (remaining === 0) return { max: 0, reason: 'limit-reached' };
  return available < remaining ? { max: available, reason: 'zone' } : { max: remaining, reason: 'per-buyer' };
}

/** A picked quantity kept inside 1…max (0 when nothing can be picked). */
export function clampQuantity(wanted: number, max: number): number {
  if (max <= 0) return 0;
  if (!Number.isFinite(wanted)) return 1;
  return Math.min(max, Math.max(1, Math.floor(wanted)));
}
