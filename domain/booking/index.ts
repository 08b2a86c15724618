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
export { bookingDecider } from './decider';
export { ShowStartedError, assertOwner, holdIsDue } from './booking-rules';
export {
  decideConfirm,
  type ConfirmDecision,
  type ConfirmRefusal,
  type SeatsOnRefusal,
} from './confirm-decision';
export { bookingCategory, bookingStreamId } from './streams';
export {
  asOf,
  bookingView,
  cancelledAfterConfirm,
  evolveView,
  ticketPayload,
  type BookingPaymentView,
  type BookingView,
} from './booking-view';
export { checkReservable, type SaleTerms } from './sale-rules';
