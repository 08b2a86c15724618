// Fixtures of the payment service's tests: payments requested in the log and relayed as the relay would.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { handleCommand } from '../../command-side/shared';
import { paymentDecider, paymentStreamId, type PaymentEvent, type RefundReason } from '../../domain/payment';
import type { EventStore, RecordedEvent } from '../../infra/ports/event-store';
import type { PaymentGateway } from '../../infra/ports/payment-gateway';
import type { RelayedEvent } from './relayed-event';

export const now = new Date('2030-03-01T10:00:30.000Z');

/** A stored event as the relay publishes it. */
export const relayed = (recorded: RecordedEvent): RelayedEvent => ({
  eventId: recorded.id,
  type: recorded.type,
  streamId: recorded.streamId,
  revision: recorded.revision,
  data: recorded.data,
  metadata: recorded.metadata,
});

/** The last event of a stream, relayed. */
export async function lastRelayed(store: EventStore, streamId: string): Promise<RelayedEvent> {
  const [last] = await store.readStream(streamId, { direction: 'backwards', limit: 1 });
  assert.ok(last, `${streamId} is empty`);
  return relayed(last);
}

/** Tokenises the card and appends `PaymentRequested` as the booking saga would; returns it relayed. */
export async function requestPayment(
  store: EventStore,
  gateway: PaymentGateway,
  cardNumber: string,
  amount = 300000,
): Promise<{ paymentId: string; correlationId: string; message: RelayedEvent }> {
  const tokenized = await gateway.tokenize(cardNumber);
  assert.ok(tokenized.ok);
  const paymentId = randomUUID();
  const correlationId = randomUUID();
  const command = {
    type: 'Request',
    paymentId,
    bookingId: randomUUID(),
    userId: 'customer-1',
    amount,
    currency: 'THB',
    card: tokenized.card,
    now,
  } as const;
  await handleCommand(store, paymentStreamId(paymentId), paymentDecider, command, { correlationId });
  return { paymentId, correlationId, message: await lastRelayed(store, paymentStreamId(paymentId)) };
}

/** Appends `PaymentRefundRequested` as the booking saga would; returns it relayed. */
export async function requestRefund(
  store: EventStore,
  paymentId: string,
  amount: number,
  reason: RefundReason = 'BOOKING_CANCELLED',
): Promise<RelayedEvent> {
  const command = { type: 'RequestRefund', refundId: randomUUID(), amount, reason, now } as const;
  await handleCommand(store, paymentStreamId(paymentId), paymentDecider, command, {
    correlationId: randomUUID(),
  });
  return lastRelayed(store, paymentStreamId(paymentId));
}

export async function paymentEvents(store: EventStore, paymentId: string): Promise<RecordedEvent[]> {
  return store.readStream(paymentStreamId(paymentId));
}

export const typesOf = (events: readonly RecordedEvent[]): string[] => events.map((e) => e.type);
export const asPaymentEvents = (events: readonly RecordedEvent[]): PaymentEvent[] =>
  events.map((e) => ({ type: e.type, data: e.data, metadata: e.metadata }) as PaymentEvent);

/** A sleep that returns at once and remembers what it was asked to wait. */
export function recordingSleep(): { sleep: (ms: number) => Promise<void>; waited: number[] } {
  const waited: number[] = [];
  return { waited, sleep: async (ms) => void waited.push(ms) };
}
