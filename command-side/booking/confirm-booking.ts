import { ShowStartedError, bookingDecider, bookingStreamId, type BookingView } from '../../domain/booking';
import { AppError, type EventMetadata } from '../../domain/shared';
import type { EventStore } from '../../infra/ports/event-store';
import type { InventoryActor } from '../../infra/ports/inventory-actor';
import { handleCommand } from '../shared';

/**
 * Why a confirm lost: the hold lapsed or ended first, its show began before the payment landed, or this
 * payment is not the one in flight.
 */
export type ConfirmRefusal =
  'EXPIRED' | 'NOT_HELD' | 'NOT_RESERVED' | 'NOT_PAYMENT_IN_FLIGHT' | 'CANCELLED' | 'SHOW_STARTED';

export type ConfirmOutcome =
  | { readonly ok: true; readonly booking: BookingView; readonly replayed: boolean }
  | { readonly ok: false; readonly reason: ConfirmRefusal; readonly booking: BookingView };

export type ConfirmDeps = {
  readonly store: EventStore;
  readonly actor: InventoryActor;
  readonly read: (bookingId: string) => Promise<BookingView | undefined>;
  readonly onWarning?: (message: string, details: Record<string, unknown>) => void;
};

export type ConfirmInput = {
  readonly bookingId: string;
  readonly paymentId: string;
  readonly confirmationCode: string;
  readonly metadata: EventMetadata;
  readonly now: Date;
};

/**
 * Driven by a succeeded payment: the actor confirms only a hold that is still held and not past its
 * expiry — atomically against the expiry sweeper, so exactly one of them wins at the deadline — and only
 * then is `BookingConfirmed` appended. A cancel landing in between loses the race in the log, and a
 * booking whose show began before the payment landed refuses the confirm: either way the seats the actor
 * just counted as sold go back, and the caller refunds.
 */
export async function confirmBooking(deps: ConfirmDeps, input: ConfirmInput): Promise<ConfirmOutcome> {
  const booking = await deps.read(input.bookingId);
  if (!booking) throw new AppError('NOT_FOUND', 'No such booking');
  const paidWith = booking.payment?.paymentId;
  if (booking.status === 'confirmed' && paidWith === input.paymentId)
    return { ok: true, booking, replayed: true };
  if (booking.status !== 'reserved' && booking.status !== 'confirmed') {
    // Ended: should an earlier run have confirmed the seats in the actor and then lost its append, they
    // are given back here (a no-op otherwise), before the caller refunds.
    await deps.actor.returnConfirmed({ eventId: booking.eventId, bookingId: booking.id });
    return { ok: false, reason: booking.status === 'expired' ? 'EXPIRED' : 'NOT_RESERVED', booking };
  }
  if (booking.status !== 'reserved') return { ok: false, reason: 'NOT_RESERVED', booking };
  if (paidWith !== input.paymentId || booking.payment?.status !== 'pending')
    return { ok: false, reason: 'NOT_PAYMENT_IN_FLIGHT', booking };
  const confirmed = await deps.actor.confirm({
    eventId: booking.eventId,
    bookingId: booking.id,
    now: input.now.getTime(),
  });
  if (!confirmed.ok) return { ok: false, reason: confirmed.reason, booking };
  try {
    await handleCommand(
      deps.store,
      bookingStreamId(booking.id),
      bookingDecider,
      {
        type: 'Confirm',
        paymentId: input.paymentId,
        confirmationCode: input.confirmationCode,
        now: input.now,
      },
      input.metadata,
    );
  } catch (error) {
    if (!(error instanceof AppError) || error.code !== 'INVALID_STATE') throw error;
    const { returned } = await deps.actor.returnConfirmed({
      eventId: booking.eventId,
      bookingId: booking.id,
    });
    const ended = (await deps.read(booking.id)) ?? booking;
    if (error instanceof ShowStartedError) return { ok: false, reason: 'SHOW_STARTED', booking: ended };
    deps.onWarning?.(
      'a booking ended (cancelled, or its hold lapsed) before its confirm was recorded; its seats went back to sale',
      {
        bookingId: booking.id,
        returned,
      },
    );
    return { ok: false, reason: ended.status === 'expired' ? 'EXPIRED' : 'CANCELLED', booking: ended };
  }
  const after = await deps.read(booking.id);
  return { ok: true, booking: after ?? booking, replayed: false };
}
