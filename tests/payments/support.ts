// Shared by the payment proofs: paying through HTTP, waiting for a booking's final state, reading the
// causal chain from the log, and the mock gateway's ledger of charges and refunds.
import { randomUUID } from 'node:crypto';
import type { PaymentAccepted } from '../../command-side/booking';
import type { BookingView } from '../../domain/booking';
import { readGatewayLedger, type GatewayLedger } from '../../infra/payment-gateway';
import { waitFor, type BookingApp, type Person, type Reply } from '../booking/harness';

/** Real Kafka (the test servers) with topics of this test file's own. */
export const kafkaEnv = (): Record<string, string> => ({
  KAFKA_BROKERS: process.env.TEST_KAFKA_BROKERS ?? 'TEST_KAFKA_BROKERS is not set',
  KAFKA_TOPIC_PREFIX: `test-${randomUUID().slice(0, 8)}.`,
});

/** Short retries and timeouts, so failing cards fail within seconds. */
export const fastPayments = {
  PAYMENT_RETRY_BASE_MS: '50',
  PAYMENT_GATEWAY_TIMEOUT_MS: '200',
  SAGA_POLL_MS: '100',
  BUS_RETRY_BASE_MS: '20',
  // A killed process's leases and Kafka session run out in seconds, not the production half minute.
  SAGA_COMMAND_LEASE_MS: '2000',
  KAFKA_SESSION_TIMEOUT_MS: '6000',
};

/** The mock gateway's documented test cards (README, "Payments"). */
export { testCards as cards } from '../../infra/ports/payment-gateway';

export function pay(
  app: BookingApp,
  buyer: Person,
  bookingId: string,
  cardNumber: string,
  idempotencyKey: string = randomUUID(),
): Promise<Reply<PaymentAccepted>> {
  return app.request<PaymentAccepted>('POST', `/bookings/${bookingId}/pay`, {
    token: buyer.token,
    idempotencyKey,
    body: { method: 'card', cardNumber },
  });
}

export async function bookingOf(app: BookingApp, buyer: Person, bookingId: string): Promise<BookingView> {
  const reply = await app.request<BookingView>('GET', `/bookings/${bookingId}`, { token: buyer.token });
  if (reply.status !== 200) throw new Error(`GET booking: ${reply.status} ${JSON.stringify(reply.body)}`);
  return reply.body.data;
}

/** Waits until the booking satisfies `done`; returns it. */
export async function bookingWhen(
  app: BookingApp,
  buyer: Person,
  bookingId: string,
  done: (booking: BookingView) => boolean,
  timeoutMs = 20_000,
): Promise<BookingView> {
  let booking = await bookingOf(app, buyer, bookingId);
  await waitFor(async () => done((booking = await bookingOf(app, buyer, bookingId))), timeoutMs).catch(
    (error: Error) => {
      throw new Error(`${error.message}; the booking is ${JSON.stringify(booking)}`);
    },
  );
  return booking;
}

/** What the mock gateway did, read from its own tables on the test's database. */
export const gatewayLedger = (app: BookingApp): Promise<GatewayLedger> => readGatewayLedger(app.database.sql);
