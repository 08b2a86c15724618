import {
  bookingStreamId,
  cancelledAfterConfirm,
  holdIsDue,
  type BookingCommand,
  type BookingView,
} from '../../domain/booking';
import type { CardRef, PaymentFailureReason } from '../../domain/payment';
import { AppError, type EventMetadata } from '../../domain/shared';
import type { EventStore } from '../../infra/ports/event-store';
import type { InventoryActor } from '../../infra/ports/inventory-actor';
import { handleCommand } from '../shared';
import { bookingStream, existing, loadBooking, type LoadedBooking } from './booking-stream';
import { confirmBooking, type ConfirmOutcome } from './confirm-booking';
import { returnSeatsOfCancelled } from './seats-after-cancel';

export type BookingLifecycleDeps = {
  readonly store: EventStore;
  readonly actor: InventoryActor;
  /** When a zone's show begins (the catalog): the refund policy of a confirmed booking depends on it. */
  readonly showStartOf?: (zoneId: string) => string | undefined;
  readonly clock?: () => Date;
  readonly onWarning?: (message: string, details: Record<string, unknown>) => void;
};

/** A command's deterministic event ids, for callers that may run it again (the saga). */
export type Replayable = { readonly eventIds?: (index: number) => string };

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

type RunOptions = Replayable & { readonly known?: LoadedBooking };

/**
 * What happens to a booking after its hold: it is paid, confirmed, cancelled (by its buyer or with its
 * event) or refunded. Each reads the booking's stream once, lets the decider decide on it, and pairs at
 * most one inventory step with one append at the revision read, in the order that can never oversell.
 */
export class BookingLifecycle {
  private readonly clock: () => Date;

  constructor(private readonly deps: BookingLifecycleDeps) {
    this.clock = deps.clock ?? (() => new Date());
  }

  /**
   * The booking's stream, read once, for a caller that checks it before running a command on it (the
   * payment's card is tokenised in between): pass it back as the command's `loaded`.
   */
  async load(bookingId: string): Promise<LoadedBooking> {
    if (!uuid.test(bookingId)) throw new AppError('NOT_FOUND', 'No such booking');
    return loadBooking(this.deps.store, bookingId);
  }

  /**
   * The owner gives a live hold back, or cancels a confirmed booking before its show under the refund
   * policy. `BookingCancelled` is appended first, then the seats go back: were it the other way round, a
   * failed append would leave the log showing seats already sold to someone else. Seats that cannot be
   * given back now are the saga's to return (and a hold's expiry returns it anyway).
   */
  async cancel(input: { userId: string; bookingId: string; reason: string | null; metadata: EventMetadata }) {
    const loaded = await this.load(input.bookingId);
    const now = this.clock();
    const showStartsAt = this.deps.showStartOf?.(existing(loaded.state, now).view.zoneId);
    const command: BookingCommand = {
      type: 'Cancel',
      userId: input.userId,
      reason: input.reason,
      now,
      ...(showStartsAt ? { showStartsAt: new Date(showStartsAt) } : {}),
    };
    return this.cancelWith(input.bookingId, command, input.metadata, { known: loaded });
  }

  /** The organizer cancelled the event: a hold closes, a confirmed booking is cancelled with a full refund. */
  async cancelForEvent(input: {
    bookingId: string;
    by: string;
    reason: string | null;
    metadata: EventMetadata;
    replay?: Replayable;
  }): Promise<BookingView> {
    const loaded = await this.load(input.bookingId);
    const command: BookingCommand = {
      type: 'CancelForEvent',
      by: input.by,
      reason: input.reason,
      now: this.clock(),
    };
    return this.cancelWith(input.bookingId, command, input.metadata, { ...input.replay, known: loaded });
  }

  /** A cancelled confirmed booking's seats back to sale (a no-op once done): the saga's backstop. */
  async returnSeats(bookingId: string): Promise<boolean> {
    const { view } = existing((await this.load(bookingId)).state, this.clock());
    if (!cancelledAfterConfirm(view)) return false;
    return returnSeatsOfCancelled(this.deps.actor, view, true);
  }

  /**
   * The saga's durable timeout at a hold's expiry, should the sweeper not have expired it (its append
   * failed, or the process died): the seats go back first, then `BookingExpired`. Nothing otherwise.
   */
  async expireIfDue(input: { bookingId: string; metadata: EventMetadata }): Promise<boolean> {
    const loaded = await loadBooking(this.deps.store, input.bookingId);
    const { booking, view } = loaded.state;
    const now = this.clock();
    if (!holdIsDue(booking, now) || !view) return false;
    await this.deps.actor.release({ eventId: view.eventId, bookingId: input.bookingId });
    const command: BookingCommand = { type: 'Expire', now };
    const outcome = await this.run(input.bookingId, command, input.metadata, { known: loaded });
    return outcome.events.length > 0;
  }

  /**
   * The owner asks to pay a live hold; refused while another payment of it is in flight, and once its
   * show has begun (the start is recorded with the request, so the saga can refuse a late confirm).
   * `loaded`: the booking as the caller already read it (see `load`).
   */
  async requestPayment(input: {
    userId: string;
    bookingId: string;
    paymentId: string;
    card: CardRef;
    metadata: EventMetadata;
    loaded?: LoadedBooking;
  }): Promise<void> {
    const loaded = input.loaded ?? (await this.load(input.bookingId));
    const now = this.clock();
    const showStartsAt = this.deps.showStartOf?.(existing(loaded.state, now).view.zoneId);
    const { userId, paymentId, card } = input;
    const command: BookingCommand = {
      type: 'RequestPayment',
      userId,
      paymentId,
      card,
      now,
      ...(showStartsAt ? { showStartsAt: new Date(showStartsAt) } : {}),
    };
    await this.run(input.bookingId, command, input.metadata, { known: loaded });
  }

  async recordPaymentFailure(input: {
    bookingId: string;
    paymentId: string;
    reason: PaymentFailureReason;
    metadata: EventMetadata;
    replay?: Replayable;
  }): Promise<void> {
    const { paymentId, reason } = input;
    const command: BookingCommand = { type: 'RecordPaymentFailure', paymentId, reason, now: this.clock() };
    await this.run(input.bookingId, command, input.metadata, input.replay);
  }

  async recordRefund(input: {
    bookingId: string;
    paymentId: string;
    refundId: string;
    amount: number;
    currency: string;
    reason: string;
    metadata: EventMetadata;
    replay?: Replayable;
  }): Promise<void> {
    const { paymentId, refundId, amount, currency, reason } = input;
    const command: BookingCommand = {
      type: 'RecordRefund',
      paymentId,
      refundId,
      amount,
      currency,
      reason,
      now: this.clock(),
    };
    await this.run(input.bookingId, command, input.metadata, input.replay);
  }

  /** Driven by a succeeded payment (the saga); see `confirmBooking`. */
  async confirm(input: {
    bookingId: string;
    paymentId: string;
    confirmationCode: string;
    metadata: EventMetadata;
  }): Promise<ConfirmOutcome> {
    const now = this.clock();
    const loaded = await this.load(input.bookingId);
    const { store, actor, onWarning } = this.deps;
    const deps = { store, actor, ...(onWarning ? { onWarning } : {}) };
    return confirmBooking(deps, loaded, { ...input, now });
  }

  private run(bookingId: string, command: BookingCommand, metadata: EventMetadata, options: RunOptions = {}) {
    return handleCommand(this.deps.store, bookingStreamId(bookingId), bookingStream, command, metadata, {
      ...(options.eventIds ? { eventIds: options.eventIds } : {}),
      ...(options.known ? { known: options.known } : {}),
    });
  }

  /**
   * The decision is the decider's; the seats follow the booking as it stands after the append: a hold
   * is released, a confirmed booking's sold seats are returned.
   */
  private async cancelWith(
    bookingId: string,
    command: BookingCommand,
    metadata: EventMetadata,
    options: RunOptions,
  ): Promise<BookingView> {
    const outcome = await this.run(bookingId, command, metadata, options);
    const { view } = existing(outcome.state, command.now);
    if (outcome.events.length === 0) return view;
    try {
      await returnSeatsOfCancelled(this.deps.actor, view, cancelledAfterConfirm(view));
    } catch (error) {
      this.deps.onWarning?.('a cancelled booking could not give its seats back now; the saga will', {
        bookingId,
        error,
      });
    }
    return view;
  }
}
