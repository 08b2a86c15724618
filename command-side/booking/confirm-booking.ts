import {
  ShowStartedError,
  asOf,
  bookingStreamId,
  decideConfirm,
  type BookingView,
  type Confirm,
  type ConfirmRefusal as DomainRefusal,
  type SeatsOnRefusal,
} from '../../domain/booking';
import type { EventMetadata } from '../../domain/shared';
import type { EventStore } from '../../infra/ports/event-store';
import type { InventoryActor } from '../../infra/ports/inventory-actor';
import { handleCommand } from '../shared';
import { bookingStream, existing, type LoadedBooking } from './booking-stream';

/**
 * Why a confirm lost: the decider's refusals, the actor's (the hold lapsed or is gone there), or a
 * cancel that reached the log first.
 */
export type ConfirmRefusal = DomainRefusal | 'NOT_HELD' | 'CANCELLED';

export type ConfirmOutcome =
  | { readonly ok: true; readonly booking: BookingView; readonly replayed: boolean }
  | { readonly ok: false; readonly reason: ConfirmRefusal; readonly booking: BookingView };

export type ConfirmDeps = {
  readonly store: EventStore;
  readonly actor: InventoryActor;
  readonly onWarning?: (message: string, details: Record<string, unknown>) => void;
};

export type ConfirmInput = {
  readonly paymentId: string;
  readonly confirmationCode: string;
  readonly metadata: EventMetadata;
  readonly now: Date;
};

type SeatsRef = { readonly eventId: string; readonly bookingId: string };

/** A refused confirm's seat step (see `SeatsOnRefusal`); every call is a no-op where nothing is left to undo. */
async function afterRefusal(actor: InventoryActor, ref: SeatsRef, seats: SeatsOnRefusal): Promise<void> {
  if (seats === 'none') return;
  if (seats === 'give-back') await actor.release(ref);
  await actor.returnConfirmed(ref);
}

/**
 * Driven by a succeeded payment, on the booking as read once: the decider decides first; only a confirm
 * it allows reaches the actor, which confirms a hold still held and not past its expiry — atomically
 * against the expiry sweeper, so exactly one of them wins at the deadline — and only then is
 * `BookingConfirmed` appended at the revision read. A writer in between (a cancel) makes the append
 * decide again on the new state; should it refuse, the seats the actor just sold go back and the caller
 * refunds.
 */
export async function confirmBooking(
  deps: ConfirmDeps,
  loaded: LoadedBooking,
  input: ConfirmInput,
): Promise<ConfirmOutcome> {
  const { booking, view } = existing(loaded.state, input.now);
  const command: Confirm = {
    type: 'Confirm',
    paymentId: input.paymentId,
    confirmationCode: input.confirmationCode,
    now: input.now,
  };
  const decision = decideConfirm(command, booking);
  const ref = { eventId: view.eventId, bookingId: view.id };
  if (!decision.ok) {
    await afterRefusal(deps.actor, ref, decision.seats);
    return { ok: false, reason: decision.reason, booking: view };
  }
  if (decision.events.length === 0) return { ok: true, booking: view, replayed: true };

  const confirmed = await deps.actor.confirm({ ...ref, now: input.now.getTime() });
  if (!confirmed.ok) return { ok: false, reason: confirmed.reason, booking: view };
  const options = { known: loaded, returnRefusal: true };
  const outcome = await handleCommand(
    deps.store,
    bookingStreamId(view.id),
    bookingStream,
    command,
    input.metadata,
    options,
  );
  const after = outcome.state.view ? asOf(outcome.state.view, input.now) : view;
  if (!outcome.refusal) return { ok: true, booking: after, replayed: false };
  if (outcome.refusal.code !== 'INVALID_STATE') throw outcome.refusal;
  const { returned } = await deps.actor.returnConfirmed(ref);
  if (outcome.refusal instanceof ShowStartedError)
    return { ok: false, reason: 'SHOW_STARTED', booking: after };
  deps.onWarning?.(
    'a booking ended (cancelled, or its hold lapsed) before its confirm was recorded; its seats went back to sale',
    { bookingId: view.id, returned },
  );
  return { ok: false, reason: after.status === 'expired' ? 'EXPIRED' : 'CANCELLED', booking: after };
}
