import { randomUUID } from 'node:crypto';
import { assertOwner } from '../../domain/booking';
import type { CardRef } from '../../domain/payment';
import { AppError, type EventMetadata } from '../../domain/shared';
import type { BookingLifecycle } from './booking-lifecycle';

/** The one thing the command side asks the payment gateway: a card number in, a vault token out. */
export type CardTokenizer = {
  tokenize(cardNumber: string): Promise<{ ok: true; card: CardRef } | { ok: false; reason: 'INVALID_CARD' }>;
};

export type PaymentAccepted = { bookingId: string; paymentId: string; status: 'pending' };

/**
 * `POST /bookings/:id/pay`: the booking is read once and hidden from anyone but its owner before the
 * card is looked at; the card is tokenised (its number never enters the log), then the booking records
 * the payment request on the booking as read; the saga takes it from there. Refused (409 INVALID_STATE)
 * unless the booking is a live hold with no other payment in flight.
 */
export async function payBooking(
  deps: { lifecycle: BookingLifecycle; tokenizer: CardTokenizer },
  input: { userId: string; bookingId: string; cardNumber: string; metadata: EventMetadata },
): Promise<PaymentAccepted> {
  const loaded = await deps.lifecycle.load(input.bookingId);
  assertOwner(loaded.state.booking, input.userId);
  const tokenized = await deps.tokenizer.tokenize(input.cardNumber);
  if (!tokenized.ok)
    // The message is the buyer's to read (the web app shows it); the field detail is for clients.
    throw new AppError('VALIDATION_ERROR', 'That card number is not valid. Check the digits and try again.', [
      { field: 'cardNumber', reasons: ['not a valid card number (Luhn check failed)'] },
    ]);
  const paymentId = randomUUID();
  await deps.lifecycle.requestPayment({
    userId: input.userId,
    bookingId: input.bookingId,
    paymentId,
    card: tokenized.card,
    metadata: input.metadata,
    loaded,
  });
  return { bookingId: input.bookingId, paymentId, status: 'pending' };
}
