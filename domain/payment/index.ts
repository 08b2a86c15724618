export type {
  CardRef,
  PaymentEvent,
  PaymentFailed,
  PaymentFailureReason,
  PaymentRefunded,
  PaymentRefundRequested,
  PaymentRequested,
  PaymentSucceeded,
  RefundReason,
} from './events';
export { paymentEventTypes } from './events';
export { paymentCategory, paymentStreamId } from './streams';
export type {
  PaymentCommand,
  RecordChargeFailure,
  RecordChargeSuccess,
  RecordPaymentRefund,
  RequestCharge,
  RequestPaymentRefund,
} from './commands';
export {
  evolve as evolvePayment,
  type Payment,
  type PaymentRefund,
  type PaymentState,
  type PaymentStatus,
} from './state';
export { paymentDecider } from './decider';
export { paymentView, type PaymentView } from './payment-view';
