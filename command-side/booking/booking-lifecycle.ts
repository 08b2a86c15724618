import {
  bookingDecider,
  bookingStreamId,
  bookingView,
  type BookingEvent,
  type BookingView,
} from '../../domain/booking';
import { AppError, type EventMetadata } from '../../domain/shared';
import type { EventStore } from '../../infra/ports/event-store';
import type { InventoryActor } from '../inventory';
import { handleCommand, loadStream } from '../shared';

export type BookingLifecycleDeps = {
  readonly store: EventStore;
  readonly actor: InventoryActor;
  readonly clock?: () => Date;
  readonly onWarning?: (message: string, details: Record<string, unknown>) => void;
};

/** Why a confirm lost: the hold lapsed or ended first, or the booking is not a live hold any more. */
export type ConfirmOutcome =
  | { readonly ok: true; readonly booking: BookingView; readonly replayed: boolean }
  | {
      readonly ok: false;
      readonly reason: 'EXPIRED' | 'NOT_HELD' | 'NOT_RESERVED';
      readonly booking: BookingView;
    };

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const noSuchBooking = () => new AppError('NOT_FOUND', 'No such booking');

/**
 * What happens to a booking after its hold: the buyer cancels it, or a verified payment confirms it.
 * Each pairs one atomic actor call with one append, in the order that can never oversell.
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
   * The owner gives a live hold back. `BookingCancelled` is appended first, then the seats are released:
   * were it the other way round, a failed append would leave the log showing a live hold on seats already
   * sold to someone else. A release that fails leaves the hold to expire; the sweeper returns it.
   */
  async cancel(input: {
    userId: string;
    bookingId: string;
    reason: string | null;
    metadata: EventMetadata;
  }): Promise<BookingView> {
    if (!uuid.test(input.bookingId)) throw noSuchBooking();
    const now = this.clock();
    const outcome = await handleCommand(
      this.deps.store,
      bookingStreamId(input.bookingId),
      bookingDecider,
      { type: 'Cancel', userId: input.userId, reason: input.reason, now },
      input.metadata,
    );
    const view = await this.read(input.bookingId);
    if (!view) throw noSuchBooking();
    try {
      await this.deps.actor.release({ eventId: view.eventId, bookingId: input.bookingId });
    } catch (error) {
      this.deps.onWarning?.('a cancelled hold could not be released now; its seats return when it expires', {
        bookingId: input.bookingId,
        error,
        appended: outcome.appended !== undefined,
      });
    }
    return view;
  }

  /**
   * Internal, driven by a verified payment (the payments issue): the actor confirms only a hold that is
   * still held and not past its expiry — atomically against the expiry sweeper, so exactly one of them
   * wins at the deadline — and only then is `BookingConfirmed` appended.
   */
  async confirm(input: {
    bookingId: string;
    confirmationCode: string;
    metadata: EventMetadata;
  }): Promise<ConfirmOutcome> {
    const booking = await this.read(input.bookingId);
    if (!booking) throw noSuchBooking();
    if (booking.status === 'confirmed') return { ok: true, booking, replayed: true };
    if (booking.status === 'expired') return { ok: false, reason: 'EXPIRED', booking };
    if (booking.status !== 'reserved') return { ok: false, reason: 'NOT_RESERVED', booking };
    const now = this.clock();
    const confirmed = await this.deps.actor.confirm({
      eventId: booking.eventId,
      bookingId: booking.id,
      now: now.getTime(),
    });
    if (!confirmed.ok) return { ok: false, reason: confirmed.reason, booking };
    try {
      await handleCommand(
        this.deps.store,
        bookingStreamId(booking.id),
        bookingDecider,
        { type: 'Confirm', confirmationCode: input.confirmationCode, now },
        input.metadata,
      );
    } catch (error) {
      if (!(error instanceof AppError) || error.code !== 'INVALID_STATE') throw error;
      // The buyer cancelled between our read and the append: the actor counts the seats as sold while
      // the log says cancelled. The payments issue's saga refunds and returns them; until then, say so.
      this.deps.onWarning?.('a booking was cancelled while its payment confirmed it; seats await the saga', {
        bookingId: booking.id,
      });
      const ended = (await this.read(booking.id)) ?? booking;
      return { ok: false, reason: 'NOT_RESERVED', booking: ended };
    }
    const after = await this.read(booking.id);
    return { ok: true, booking: after ?? booking, replayed: false };
  }
}
