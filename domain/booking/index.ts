export type {
  BookingCancelled,
  BookingConfirmed,
  BookingEvent,
  BookingExpired,
  BookingRefunded,
  BookingReserved,
} from './events';
export { bookingEventTypes } from './events';
export type { BookingCommand, Cancel, Confirm, Expire, Reserve } from './commands';
export { evolve, type Booking, type BookingState, type BookingStatus } from './state';
export { bookingDecider } from './decider';
export { bookingCategory, bookingStreamId } from './streams';
export { asOf, bookingView, type BookingView } from './booking-view';
export { checkReservable, type SaleTerms } from './sale-rules';
