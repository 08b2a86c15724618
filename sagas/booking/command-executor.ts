import { randomBytes } from 'node:crypto';
import type { BookingCommands } from '../../infra/ports/booking-commands';
import type { EventStore } from '../../infra/ports/event-store';
import type { PaymentRequests } from '../../infra/ports/payment-requests';
import type { ClaimedCommand } from './command-store';
import { eventIdsOf } from './message-ids';
import { bookingSagaStreamId } from './saga-events';

export type ExecutorDeps = {
  readonly store: EventStore;
  readonly bookings: BookingCommands;
  readonly payments: PaymentRequests;
  readonly clock?: () => Date;
};

const codeAlphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** `BR-` and 10 characters from an alphabet without look-alikes (0/O, 1/I): about 50 bits. */
export function newConfirmationCode(): string {
  const bytes = randomBytes(10);
  let code = 'BR-';
  for (const byte of bytes) code += codeAlphabet[byte % codeAlphabet.length];
  return code;
}

/**
 * Runs one claimed command. Every effect is idempotent by the message id (deterministic event ids, or an
 * operation that is a no-op once done), so a command that ran before a crash may run again.
 */
export async function executeSagaCommand(deps: ExecutorDeps, claimed: ClaimedCommand): Promise<void> {
  const { command, metadata, messageId } = claimed;
  const replay = { eventIds: eventIdsOf(messageId) };
  switch (command.type) {
    case 'RequestCharge': {
      const { paymentId, bookingId, userId, amount, currency, card } = command;
      return deps.payments.requestCharge({
        paymentId,
        bookingId,
        userId,
        amount,
        currency,
        card,
        metadata,
        replay,
      });
    }
    case 'RequestRefund': {
      const { paymentId, bookingId, refundId, amount, currency, reason } = command;
      return deps.payments.requestRefund({
        paymentId,
        bookingId,
        refundId,
        amount,
        currency,
        reason,
        metadata,
        replay,
      });
    }
    case 'Confirm': {
      const { bookingId, paymentId } = command;
      const answer = await deps.bookings.confirm({
        bookingId,
        paymentId,
        confirmationCode: newConfirmationCode(),
        metadata,
      });
      if (answer.ok) return;
      const now = (deps.clock ?? (() => new Date()))();
      await deps.store.append(bookingSagaStreamId(bookingId), [
        {
          id: replay.eventIds(0),
          type: 'ConfirmationRefused',
          data: { bookingId, paymentId, reason: answer.reason, refusedAt: now.toISOString() },
          metadata,
        },
      ]);
      return;
    }
    case 'RecordPaymentFailure': {
      const { bookingId, paymentId, reason } = command;
      return deps.bookings.recordPaymentFailure({ bookingId, paymentId, reason, metadata, replay });
    }
    case 'RecordRefund': {
      const { bookingId, paymentId, refundId, amount, currency, reason } = command;
      return deps.bookings.recordRefund({
        bookingId,
        paymentId,
        refundId,
        amount,
        currency,
        reason,
        metadata,
        replay,
      });
    }
    case 'ReturnSeats':
      await deps.bookings.returnSeats(command.bookingId);
      return;
    case 'CancelForEvent': {
      const { bookingId, by, reason } = command;
      await deps.bookings.cancelForEvent({ bookingId, by, reason, metadata, replay });
      return;
    }
    case 'ExpireHold':
      await deps.bookings.expireIfDue({ bookingId: command.bookingId, metadata });
      return;
  }
}
