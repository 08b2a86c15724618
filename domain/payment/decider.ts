import { AppError, type Decider } from '../shared';
import type {
  PaymentCommand,
  RecordChargeFailure,
  RecordChargeSuccess,
  RecordPaymentRefund,
  RequestCharge,
  RequestPaymentRefund,
} from './commands';
import type { PaymentEvent } from './events';
import { evolve, type Payment, type PaymentState } from './state';

const invalidState = (payment: Payment, message: string) =>
  new AppError('INVALID_STATE', message, { paymentId: payment.paymentId, status: payment.status });
const isPositiveAmount = (amount: number) => Number.isInteger(amount) && amount > 0;
const isPaid = (payment: Payment) => payment.status === 'succeeded' || payment.status === 'refunded';

function decideRequest(command: RequestCharge, state: PaymentState): PaymentEvent[] {
  const { paymentId, bookingId, userId, amount, currency, card } = command;
  if (state) {
    const same =
      state.paymentId === paymentId &&
      state.bookingId === bookingId &&
      state.amount === amount &&
      state.currency === currency &&
      state.card.token === card.token;
    if (same) return [];
    throw invalidState(state, `Payment ${paymentId} was already requested with other details`);
  }
  if (!isPositiveAmount(amount)) throw new AppError('VALIDATION_ERROR', 'amount: must be a positive integer');
  const data = {
    paymentId,
    bookingId,
    userId,
    amount,
    currency,
    card,
    requestedAt: command.now.toISOString(),
  };
  return [{ type: 'PaymentRequested', data }];
}

function decideSuccess(command: RecordChargeSuccess, payment: Payment): PaymentEvent[] {
  if (isPaid(payment) && payment.chargeId === command.chargeId) return [];
  if (payment.status !== 'pending') throw invalidState(payment, 'Only a pending payment can succeed');
  const { paymentId, bookingId, amount, currency } = payment;
  const data = {
    paymentId,
    bookingId,
    chargeId: command.chargeId,
    amount,
    currency,
    succeededAt: command.now.toISOString(),
  };
  return [{ type: 'PaymentSucceeded', data }];
}

function decideFailure(command: RecordChargeFailure, payment: Payment): PaymentEvent[] {
  if (payment.status === 'failed') return [];
  if (payment.status !== 'pending') throw invalidState(payment, 'Only a pending payment can fail');
  const { reason, message, attempts } = command;
  const data = {
    paymentId: payment.paymentId,
    bookingId: payment.bookingId,
    reason,
    message,
    attempts,
    failedAt: command.now.toISOString(),
  };
  return [{ type: 'PaymentFailed', data }];
}

function decideRequestRefund(command: RequestPaymentRefund, payment: Payment): PaymentEvent[] {
  if (payment.refunds[command.refundId]) return [];
  if (!isPaid(payment)) throw invalidState(payment, 'Only a succeeded payment can be refunded');
  if (!isPositiveAmount(command.amount))
    throw new AppError('VALIDATION_ERROR', 'amount: must be a positive integer');
  const remaining = payment.amount - payment.refundRequested;
  if (command.amount > remaining)
    throw invalidState(payment, `A refund of ${command.amount} exceeds the ${remaining} left to refund`);
  const data = {
    paymentId: payment.paymentId,
    bookingId: payment.bookingId,
    refundId: command.refundId,
    amount: command.amount,
    currency: payment.currency,
    reason: command.reason,
    requestedAt: command.now.toISOString(),
  };
  return [{ type: 'PaymentRefundRequested', data }];
}

function decideRecordRefund(command: RecordPaymentRefund, payment: Payment): PaymentEvent[] {
  const refund = payment.refunds[command.refundId];
  if (!refund) throw invalidState(payment, `No refund ${command.refundId} was requested`);
  if (refund.gatewayRefundId !== null) return [];
  const data = {
    paymentId: payment.paymentId,
    bookingId: payment.bookingId,
    refundId: command.refundId,
    gatewayRefundId: command.gatewayRefundId,
    amount: refund.amount,
    currency: payment.currency,
    refundedAt: command.now.toISOString(),
  };
  return [{ type: 'PaymentRefunded', data }];
}

/**
 * The payment aggregate (`payment-<id>`): pending → succeeded | failed; a succeeded payment is refunded
 * in one or more parts, never beyond its amount. Repeated commands are no-ops, misuse is INVALID_STATE.
 */
export const paymentDecider: Decider<PaymentCommand, PaymentEvent, PaymentState> = {
  initialState: undefined,
  evolve,
  decide(command, state) {
    if (command.type === 'Request') return decideRequest(command, state);
    if (!state) throw new AppError('NOT_FOUND', 'No such payment');
    switch (command.type) {
      case 'RecordSuccess':
        return decideSuccess(command, state);
      case 'RecordFailure':
        return decideFailure(command, state);
      case 'RequestRefund':
        return decideRequestRefund(command, state);
      case 'RecordRefund':
        return decideRecordRefund(command, state);
    }
  },
};
