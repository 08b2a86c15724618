import {
  bookingDecider,
  bookingStreamId,
  bookingView,
  type BookingCommand,
  type BookingEvent,
  type BookingView,
} from '../../domain/booking';
import type { CardRef, PaymentFailureReason } from '../../domain/payment';
import { AppError, type EventMetadata } from '../../domain/shared';
import type { EventStore } from '../../infra/ports/event-store';
import type { InventoryActor } from '../../infra/ports/inventory-actor';
import { handleCommand, loadStream } from '../shared';
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
const noSuchBooking = () => new AppError('NOT_FOUND', 'No such booking');

/**
 * What happens to a booking after its hold: it is paid, confirmed, cancelled (by its buyer or with its
 * event) or refunded. Each pairs at most one atomic actor call with one append, in the order that can
 * never oversell.
 */
export class BookingLifecycle {
  private readonly clock: () => Date;

  constructor(private readonly deps: BookingLifecycleDeps) {
    this.clock = deps.clock ?? (() => new Date());
  }

  async read(bookingId: string): Promise<BookingView | undefined> {
    if (!uuid.test(bookingId)) return undefined;
    const { events } = await loadStream<BookingEvent>(this.deps.store, bookingStreamId(bookingId));
    return bookingView(events, this.clock());
  }

  /**
   * The owner gives a live hold back, or cancels a confirmed booking before its show under the refund
   * policy. `BookingCancelled` is appended first, then the seats go back: were it the other way round, a
   * failed append would leave the log showing seats already sold to someone else. Seats that cannot be
   * given back now are the saga's to return (and a hold's expiry returns it anyway).
   */
  async cancel(input: { userId: string; bookingId: string; reason: string | null; metadata: EventMetadata }) {
    const before = await this.existing(input.bookingId);
    const showStartsAt = this.deps.showStartOf?.(before.zoneId);
    const command: BookingCommand = {
      type: 'Cancel',
      userId: input.userId,
      reason: input.reason,
      now: this.clock(),
      ...(showStartsAt ? { showStartsAt: new Date(showStartsAt) } : {}),
    };
    return this.cancelWith(before, command, input.metadata);
  }

  /** The organizer cancelled the event: a hold closes, a confirmed booking is cancelled with a full refund. */
  async cancelForEvent(input: {
    bookingId: string;
    by: string;
    reason: string | null;
    metadata: EventMetadata;
    replay?: Replayable;
  }): Promise<BookingView> {
    const before = await this.existing(input.bookingId);
    const command: BookingCommand = {
      type: 'CancelForEvent',
      by: input.by,
      reason: input.reason,
      now: this.clock(),
    };
    return this.cancelWith(before, command, input.metadata, input.replay);
  }

  /** A cancelled confirmed booking's seats back to sale (a no-op once done): the saga's backstop. */
  async returnSeats(bookingId: string): Promise<boolean> {
    const booking = await this.existing(bookingId);
    const { events } = await loadStream<BookingEvent>(this.deps.store, bookingStreamId(bookingId));
    const types = events.map((event) => event.type);
    const confirmedThenCancelled =
      types.includes('BookingConfirmed') &&
      types.indexOf('BookingCancelled') > types.indexOf('BookingConfirmed');
    if (!confirmedThenCancelled) return false;
    return returnSeatsOfCancelled(this.deps.actor, booking, true);
  }

  /**
   * The saga's durable timeout at a hold's expiry, should the sweeper not have expired it (its append
   * failed, or the process died): the seats go back first, then `BookingExpired`. Nothing otherwise.
   */
  async expireIfDue(input: { bookingId: string; metadata: EventMetadata }): Promise<boolean> {
    const stream = bookingStreamId(input.bookingId);
    const { events } = await loadStream<BookingEvent>(this.deps.store, stream);
    const state = events.reduce(bookingDecider.evolve, bookingDecider.initialState);
    const now = this.clock();
    if (!state || state.status !== 'reserved' || now.getTime() < state.expiresAt) return false;
    const reserved = events[0]!.data as { eventId: string };
    await this.deps.actor.release({ eventId: reserved.eventId, bookingId: input.bookingId });
    const outcome = await this.run(input.bookingId, { type: 'Expire', now }, input.metadata);
    return outcome.events.length > 0;
  }

  /**
   * The owner asks to pay a live hold; refused while another payment of it is in flight, and once its
   * show has begun (the start is recorded with the request, so the saga can refuse a late confirm).
   */
  async requestPayment(input: {
    userId: string;
    bookingId: string;
    paymentId: string;
    card: CardRef;
    metadata: EventMetadata;
  }): Promise<void> {
    const booking = await this.existing(input.bookingId);
    const showStartsAt = this.deps.showStartOf?.(booking.zoneId);
    const { userId, paymentId, card } = input;
    const command: BookingCommand = {
      type: 'RequestPayment',
      userId,
      paymentId,
      card,
      now: this.clock(),
      ...(showStartsAt ? { showStartsAt: new Date(showStartsAt) } : {}),
    };
    await this.run(input.bookingId, command, input.metadata);
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
  confirm(input: {
    bookingId: string;
    paymentId: string;
    confirmationCode: string;
    metadata: EventMetadata;
  }): Promise<ConfirmOutcome> {
    const { store, actor, onWarning } = this.deps;
    const deps = { store, actor, read: (id: string) => this.read(id), ...(onWarning ? { onWarning } : {}) };
    return confirmBooking(deps, { ...input, now: this.clock() });
  }

  private async existing(bookingId: string): Promise<BookingView> {
    const booking = await this.read(bookingId);
    if (!booking) throw noSuchBooking();
    return booking;
  }

  private run(bookingId: string, command: BookingCommand, metadata: EventMetadata, replay?: Replayable) {
    const options = replay?.eventIds ? { eventIds: replay.eventIds } : {};
    return handleCommand(
      this.deps.store,
      bookingStreamId(bookingId),
      bookingDecider,
      command,
      metadata,
      options,
    );
  }

  private async cancelWith(
    before: BookingView,
    command: BookingCommand,
    metadata: EventMetadata,
    replay?: Replayable,
  ): Promise<BookingView> {
    const outcome = await this.run(before.id, command, metadata, replay);
    const after = await this.existing(before.id);
    if (outcome.events.length === 0) return after;
    try {
      await returnSeatsOfCancelled(this.deps.actor, before, before.status === 'confirmed');
    } catch (error) {
      this.deps.onWarning?.('a cancelled booking could not give its seats back now; the saga will', {
        bookingId: before.id,
        error,
      });
    }
    return after;
  }
}
