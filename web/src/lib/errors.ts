import { fieldErrors, type ApiError } from './api/result';
import type { PaymentFailureReason } from './api/types';

/** What the page should offer after a failure. */
export type NextStep =
  | 'retry'
  | 'sign-in'
  | 'fix-fields'
  | 'fewer-seats'
  | 'back-to-event'
  | 'new-hold'
  | 'another-card'
  | 'wait'
  | 'join-queue'
  | 'go-home';

export type ErrorAdvice = {
  readonly title: string;
  readonly message: string;
  readonly nextStep: NextStep;
  /** The label of the button or link that takes the next step. */
  readonly actionLabel: string;
};

const labels: Record<NextStep, string> = {
  retry: 'Try again',
  'sign-in': 'Sign in',
  'fix-fields': 'Check the form',
  'fewer-seats': 'Choose fewer seats',
  'back-to-event': 'Back to the event',
  'new-hold': 'Choose seats again',
  'another-card': 'Try another card',
  wait: 'Try again shortly',
  'join-queue': 'Go to the queue',
  'go-home': 'Browse events',
};

const advice = (title: string, message: string, nextStep: NextStep): ErrorAdvice => ({
  title,
  message,
  nextStep,
  actionLabel: labels[nextStep],
});

function availableFrom(details: unknown): number | undefined {
  const available = (details as { available?: unknown } | undefined)?.available;
  return typeof available === 'number' ? available : undefined;
}

function seconds(value: number | undefined): string {
  if (value === undefined) return 'a moment';
  return value === 1 ? '1 second' : `${value} seconds`;
}

/** An API error or a network failure as words a buyer understands, with the way forward. */
export function describeError(error: ApiError): ErrorAdvice {
  switch (error.code) {
    case 'NETWORK_ERROR':
      return advice(
        'No connection',
        'We could not reach Booking Rush. Check your connection; nothing was charged twice if you try again.',
        'retry',
      );
    case 'VALIDATION_ERROR':
      // The card number is the one field the server checks beyond the form (the Luhn digit): say so in
      // the buyer's words, whatever the server's message, never as `cardNumber: …`.
      if ('cardNumber' in fieldErrors(error))
        return advice(
          'Check the card number',
          'That card number is not valid. Check the digits and try again.',
          'fix-fields',
        );
      return advice('Please check the form', error.message, 'fix-fields');
    case 'UNAUTHORIZED':
      return advice('Please sign in', 'Your session has ended. Sign in to continue.', 'sign-in');
    case 'FORBIDDEN':
      return advice('Not allowed', 'Your account cannot do this.', 'go-home');
    case 'NOT_FOUND':
    case 'ZONE_NOT_FOUND':
      return advice('Not found', 'This page or item does not exist, or is no longer available.', 'go-home');
    case 'EMAIL_TAKEN':
      return advice(
        'Email already registered',
        'An account with this email exists. Sign in instead.',
        'sign-in',
      );
    case 'INSUFFICIENT_SEATS': {
      const available = availableFrom(error.details);
      return available
        ? advice(
            'Not enough seats',
            `Only ${available} seats are left in this zone. Pick fewer seats.`,
            'fewer-seats',
          )
        : advice('Sold out', 'This zone is sold out. Try another zone or show.', 'back-to-event');
    }
    case 'TICKET_LIMIT_EXCEEDED':
      return advice(
        'Ticket limit reached',
        'You would go over the number of tickets one person may buy for this event. Pick fewer seats.',
        'fewer-seats',
      );
    case 'SALE_NOT_OPEN':
      return advice('Sale not open', 'Tickets for this event are not on sale right now.', 'back-to-event');
    case 'INVALID_STATE':
      return advice(
        'This hold has ended',
        'The booking can no longer be paid: the hold expired or was cancelled. Your card was not charged.',
        'new-hold',
      );
    case 'RATE_LIMITED':
      return advice(
        'Too many attempts',
        `Please wait ${seconds(error.retryAfterSeconds)} and try again.`,
        'wait',
      );
    case 'QUEUE_PASS_REQUIRED':
      return advice(
        'Join the queue first',
        'This event has a waiting room: seats are reserved in turn, through the queue.',
        'join-queue',
      );
    case 'QUEUE_PASS_EXPIRED':
      return advice(
        'Your turn has ended',
        'Your time to choose seats ran out before the reservation. No seats were held.',
        'join-queue',
      );
    case 'QUEUE_PASS_USED':
      return advice(
        'Your turn was already used',
        'Your pass from the queue has already made a reservation: find it in My bookings.',
        'join-queue',
      );
    case 'QUEUE_PASS_INVALID':
    case 'QUEUE_PASS_FOREIGN':
      return advice(
        'Your pass is not valid',
        'The pass from the queue is not valid for this account or event. Check your place in the queue.',
        'join-queue',
      );
    case 'QUEUE_CLOSED':
      return advice('Sold out — the queue has closed', 'Every seat of this event is taken.', 'go-home');
    case 'QUEUE_NOT_OPEN':
      return advice(
        'The queue is not open yet',
        'Come back when the queue opens; the time is on the event page.',
        'back-to-event',
      );
    case 'QUEUE_NOT_ENABLED':
      return advice('No queue for this event', 'Seats of this event are reserved directly.', 'back-to-event');
    case 'IDEMPOTENCY_KEY_REUSED':
    case 'IDEMPOTENCY_KEY_REQUIRED':
    case 'CONCURRENCY_CONFLICT':
      return advice('Please try again', 'Something changed while we were saving. Try again.', 'retry');
    case 'SERVICE_UNAVAILABLE':
    case 'INTERNAL_ERROR':
      return advice(
        'Something went wrong on our side',
        'The service is busy or briefly unavailable. Trying again is safe.',
        'retry',
      );
    default:
      return advice('Something went wrong', error.message || 'An unexpected error occurred.', 'retry');
  }
}

/** A failed card payment (the booking's `payment.failureReason`) as words and a way forward. */
export function describePaymentFailure(reason: PaymentFailureReason | null): ErrorAdvice {
  if (reason === null || reason === 'DECLINED')
    return advice(
      'Card declined',
      'Your card was declined. Your seats are still held: try another card.',
      'another-card',
    );
  const why =
    reason === 'GATEWAY_TIMEOUT'
      ? 'the payment service did not answer in time'
      : 'the payment service failed';
  return advice(
    'Payment failed',
    `The payment did not go through: ${why}. Your seats are still held: try again or use another card.`,
    'another-card',
  );
}
