import type { Event } from '../../domain/shared';

/** The saga's own facts, in `bookingSaga-<bookingId>`: outcomes of its commands it must react to. */
export const bookingSagaCategory = 'bookingSaga';
export const bookingSagaStreamId = (bookingId: string): string => `${bookingSagaCategory}-${bookingId}`;

/**
 * A succeeded payment could not confirm the booking (the hold lapsed or ended first, or its show began):
 * refund it.
 */
export type ConfirmationRefused = Event<
  'ConfirmationRefused',
  {
    readonly bookingId: string;
    readonly paymentId: string;
    readonly reason: string;
    readonly refusedAt: string;
  }
>;

export type BookingSagaEvent = ConfirmationRefused;
