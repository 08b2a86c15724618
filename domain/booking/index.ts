export type {
  BookingCancelled,
  BookingConfirmed,
  BookingEvent,
  BookingExpired,
  BookingPaymentFailed,
  BookingPaymentRequested,
  BookingRefunded,
  BookingReserved,
  RefundDue,
} from './events';
export { bookingEventTypes } from './events';
export type {
  BookingCommand,
  Cancel,
  CancelForEvent,
  Confirm,
  Expire,
  RecordPaymentFailure,
  RecordRefund,
  RequestPayment,
  Reserve,
} from './commands';
export { refundAmount, refundPercent } from './refund-policy';
export { evolve, type Booking, type BookingState, type BookingStatus } from './state';
export { ShowStartedError, bookingDecider } from './decider';
export { bookingCategory, bookingStreamId } from './streams';
export { asOf, bookingView, ticketPayload, type BookingPaymentView, type BookingView } from './booking-view';
export { checkReservable, type SaleTerms } from './sale-rules';
