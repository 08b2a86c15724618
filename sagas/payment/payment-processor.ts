import { setTimeout as delay } from 'node:timers/promises';
import { handleCommand, loadStream } from '../../command-side/shared';
import {
  paymentDecider,
  paymentStreamId,
  type Payment,
  type PaymentCommand,
  type PaymentEvent,
  type PaymentRefundRequested,
  type PaymentRequested,
} from '../../domain/payment';
import { AppError, fold } from '../../domain/shared';
import type { EventStore } from '../../infra/ports/event-store';
import { silentLogger, type Logger } from '../../infra/ports/logger';
import type { PaymentGateway } from '../../infra/ports/payment-gateway';
import { defaultChargeRetry, type ChargeRetryOptions } from './backoff';
import { causedBy } from './causation';
import { chargeWithRetry, outcomeCommand, type ChargeDeps } from './charge-with-retry';
import { outcomeEventId, refundEventId } from './event-ids';
import type { RelayedEvent } from './relayed-event';
import type { Metrics } from '../../infra/ports/metrics';

export type PaymentProcessorDeps = {
  readonly store: EventStore;
  readonly gateway: PaymentGateway;
  readonly clock?: () => Date;
  readonly retry?: Partial<ChargeRetryOptions>;
  /** Waits between charge retries; tests pass a fast one. */
  readonly sleep?: (ms: number) => Promise<void>;
  readonly logger?: Logger;
  /** Where each charge's outcome and each refund is counted. */
  readonly metrics?: Pick<Metrics, 'payment'>;
};

/** What `handle` did with a message (for logs and tests). */
export type PaymentHandled =
  | 'charged'
  | 'failed'
  | 'refunded'
  /** The payment or refund already had its outcome in the log: a redelivery. */
  | 'already-done'
  /** Not a message the payment service acts on. */
  | 'ignored';

/**
 * The payment service's handlers, independent of the transport: a `PaymentRequested` is charged through
 * the gateway and answered with `PaymentSucceeded` or `PaymentFailed`; a `PaymentRefundRequested` is
 * refunded and answered with `PaymentRefunded`. At-least-once delivery is safe: the gateway dedupes by
 * idempotency key (payment id, refund id), appends carry deterministic event ids, and a payment with an
 * outcome is not charged again. Store errors propagate, so the bus retries the message.
 */
export class PaymentProcessor {
  private readonly clock: () => Date;
  private readonly logger: Logger;
  private readonly charging: ChargeDeps;

  constructor(private readonly deps: PaymentProcessorDeps) {
    this.clock = deps.clock ?? (() => new Date());
    this.logger = deps.logger ?? silentLogger;
    this.charging = {
      gateway: deps.gateway,
      retry: { ...defaultChargeRetry, ...deps.retry },
      sleep: deps.sleep ?? ((ms) => delay(ms)),
      logger: this.logger,
    };
  }

  async handle(event: RelayedEvent): Promise<PaymentHandled> {
    switch (event.type) {
      case 'PaymentRequested':
        return this.charge(event, (event.data as PaymentRequested['data']).paymentId);
      case 'PaymentRefundRequested': {
        const { paymentId, refundId } = event.data as PaymentRefundRequested['data'];
        return this.refund(event, paymentId, refundId);
      }
      default:
        return 'ignored';
    }
  }

  private async charge(event: RelayedEvent, paymentId: string): Promise<PaymentHandled> {
    const payment = await this.load(paymentId);
    const log = { paymentId, correlationId: event.metadata.correlationId };
    if (payment.status !== 'pending') {
      this.logger.info('payment already has an outcome; nothing to charge', {
        ...log,
        status: payment.status,
      });
      return 'already-done';
    }
    const { token } = payment.card;
    const request = { token, amount: payment.amount, currency: payment.currency, idempotencyKey: paymentId };
    const outcome = await chargeWithRetry(this.charging, request);
    const command = outcomeCommand(outcome, this.clock());
    await this.record(event, paymentId, command, outcomeEventId(paymentId, outcome.kind));
    this.deps.metrics?.payment(
      outcome.kind === 'succeeded' ? 'succeeded' : outcome.reason === 'DECLINED' ? 'declined' : 'failed',
    );
    this.logger.info(`payment ${outcome.kind}`, { ...log, attempts: outcome.attempts });
    return outcome.kind === 'succeeded' ? 'charged' : 'failed';
  }

  private async refund(event: RelayedEvent, paymentId: string, refundId: string): Promise<PaymentHandled> {
    const payment = await this.load(paymentId);
    const refund = payment.refunds[refundId];
    if (!refund) throw new AppError('INVALID_STATE', `No refund ${refundId} on payment ${paymentId}`);
    if (refund.gatewayRefundId !== null) return 'already-done';
    if (payment.chargeId === null)
      throw new AppError('INVALID_STATE', `Payment ${paymentId} was never charged; nothing to refund`);
    const answer = await this.deps.gateway.refund({
      chargeId: payment.chargeId,
      amount: refund.amount,
      currency: payment.currency,
      idempotencyKey: refundId,
    });
    const command = {
      type: 'RecordRefund',
      refundId,
      gatewayRefundId: answer.refundId,
      now: this.clock(),
    } as const;
    await this.record(event, paymentId, command, refundEventId(paymentId, refundId));
    this.deps.metrics?.payment('refunded');
    this.logger.info('payment refunded', { paymentId, refundId, amount: refund.amount });
    return 'refunded';
  }

  private async load(paymentId: string): Promise<Payment> {
    const { events } = await loadStream<PaymentEvent>(this.deps.store, paymentStreamId(paymentId));
    const payment = fold(paymentDecider, events);
    if (!payment) throw new AppError('NOT_FOUND', `Payment ${paymentId} is not in the log`);
    return payment;
  }

  private async record(event: RelayedEvent, paymentId: string, command: PaymentCommand, eventId: string) {
    const streamId = paymentStreamId(paymentId);
    const eventIds = () => eventId;
    await handleCommand(this.deps.store, streamId, paymentDecider, command, causedBy(event), { eventIds });
  }
}
