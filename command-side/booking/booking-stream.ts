import {
  asOf,
  bookingDecider,
  bookingStreamId,
  evolve,
  evolveView,
  type Booking,
  type BookingCommand,
  type BookingEvent,
  type BookingState,
  type BookingView,
} from '../../domain/booking';
import { AppError, type Decider } from '../../domain/shared';
import type { EventStore } from '../../infra/ports/event-store';
import { foldStream } from '../shared';

/** A booking's stream folded once into what its decider decides on and what the API answers with. */
export type FoldedBooking = { readonly booking: BookingState; readonly view: BookingView | undefined };

/** The booking decider over both folds, so that one read serves the decision and the answer. */
export const bookingStream: Decider<BookingCommand, BookingEvent, FoldedBooking> = {
  initialState: { booking: undefined, view: undefined },
  evolve: (folded, event) => ({
    booking: evolve(folded.booking, event),
    view: evolveView(folded.view, event),
  }),
  decide: (command, folded) => bookingDecider.decide(command, folded.booking),
};

/** A booking as read once, with the revision a command on it appends at (`handleCommand`'s `known`). */
export type LoadedBooking = { readonly state: FoldedBooking; readonly revision: number };

export const loadBooking = (store: EventStore, bookingId: string): Promise<LoadedBooking> =>
  foldStream(store, bookingStreamId(bookingId), bookingStream);

/** The booking's state and its view at `now`; NOT_FOUND when the stream holds no booking. */
export function existing(folded: FoldedBooking, now: Date): { booking: Booking; view: BookingView } {
  const { booking, view } = folded;
  if (!booking || !view) throw new AppError('NOT_FOUND', 'No such booking');
  return { booking, view: asOf(view, now) };
}
