import { handleCommand } from '../../command-side/shared';
import { paymentDecider, paymentStreamId, type PaymentCommand } from '../../domain/payment';
import type { EventMetadata } from '../../domain/shared';
import type { Replay } from '../../infra/ports/booking-commands';
import type { EventStore } from '../../infra/ports/event-store';
import type { PaymentRequests } from '../../infra/ports/payment-requests';

/**
 * The saga's requests on `payment-<id>` streams, for the payment service to carry out, decided by the
 * payment aggregate (a refund never exceeds what was paid) and appended with the command's deterministic
 * event ids, so a re-run is a no-op.
 */
export function paymentStreamRequests(
  store: EventStore,
  clock: () => Date = () => new Date(),
): PaymentRequests {
  const run = (paymentId: string, command: PaymentCommand, metadata: EventMetadata, replay: Replay) =>
    handleCommand(store, paymentStreamId(paymentId), paymentDecider, command, metadata, {
      eventIds: replay.eventIds,
    });
  return {
    async requestCharge({ paymentId, bookingId, userId, amount, currency, card, metadata, replay }) {
      const command = {
        type: 'Request',
        paymentId,
        bookingId,
        userId,
        amount,
        currency,
        card,
        now: clock(),
      } as const;
      await run(paymentId, command, metadata, replay);
    },
    async requestRefund({ paymentId, refundId, amount, reason, metadata, replay }) {
      await run(
        paymentId,
        { type: 'RequestRefund', refundId, amount, reason, now: clock() },
        metadata,
        replay,
      );
    },
  };
}
