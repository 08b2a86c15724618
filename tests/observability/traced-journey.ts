// One buyer's journey through the whole product in one process, every span kept: startEmbedded on
// PostgreSQL, Redis and real Kafka, with SMTP on loopback and an in-memory span exporter. The buyer signs
// up, signs in, reserves two seats of the demo event and pays; the journey ends once the booking reads
// confirmed, its e-ticket reached the SMTP server and that send's span ended. Used by
// connected-trace.test.ts (which checks the span graph) and render-trace.ts (which draws it), so the
// picture shows what the test proves. Needs the test servers (TEST_DATABASE_URL, TEST_REDIS_URL,
// TEST_KAFKA_BROKERS: `. .services/env`).
import { randomBytes, randomUUID } from 'node:crypto';
import { PassThrough } from 'node:stream';
import { tracing } from '@opentelemetry/sdk-node';
import type { BookingView } from '../../domain/booking';
import type { EventResource } from '../../domain/catalog';
import { startSmtpTestServer, type SmtpTestServer } from '../../infra/mail/testing/smtp-test-server';
import { testCards } from '../../infra/ports/payment-gateway';
import { roleModules, startEmbedded, type RunningProcess } from '../../infra/roles';
import { InventoryTokens } from '../../infra/roles/modules/inventory-tokens';
import { webModule } from '../../infra/roles/modules/web-module';
import {
  createTestDatabase,
  deleteKeysUnder,
  testKeyPrefix,
  testRedisUrl,
  type TestDatabase,
} from '../../infra/testing';
import { waitFor } from '../booking/harness';
import { kafkaEnv } from '../payments/support';

export type Span = tracing.ReadableSpan;

export interface TracedJourney {
  /** Every span finished when the e-ticket's send had ended. */
  readonly spans: readonly Span[];
  /** The buyer's browser's own span, sent as `traceparent` with every request; never exported. */
  readonly client: { readonly traceId: string; readonly spanId: string };
  readonly bookingId: string;
  readonly paymentId: string;
  /** The buyer's password: no span may carry it. */
  readonly password: string;
  readonly databaseUrl: string;
  /** The process, still running until `close`. */
  readonly running: RunningProcess;
  /** Stops the process and the SMTP server, drops the database and the Redis keys. */
  close(): Promise<void>;
}

/** The spans of the confirmed booking's e-ticket being sent. */
export const eTicketSends = (spans: readonly Span[], bookingId: string): Span[] =>
  spans.filter(
    (span) =>
      span.name === 'send email' &&
      span.attributes['booking_rush.notification.id'] === `${bookingId}:booking-confirmed`,
  );

export async function runTracedJourney(): Promise<TracedJourney> {
  const exporter = new tracing.InMemorySpanExporter();
  const keyPrefix = testKeyPrefix('trace');
  const client = { traceId: randomBytes(16).toString('hex'), spanId: randomBytes(8).toString('hex') };
  const clientTraceparent = `00-${client.traceId}-${client.spanId}-01`;
  const password = `correct horse ${randomUUID()}`;
  let database: TestDatabase | undefined;
  let smtp: SmtpTestServer | undefined;
  let running: RunningProcess | undefined;
  let closed: Promise<void> | undefined;
  const close = () =>
    (closed ??= (async () => {
      await running?.stop();
      await smtp?.close();
      await database?.drop();
      await deleteKeysUnder(keyPrefix);
    })());

  try {
    database = await createTestDatabase();
    smtp = await startSmtpTestServer();
    running = await startEmbedded(
      {
        PORT: '0',
        HOST: '127.0.0.1',
        LOG_LEVEL: 'warn',
        EVENT_STORE: 'postgres',
        SQL_DRIVER: 'postgres',
        DATABASE_URL: database.url,
        REDIS_URL: testRedisUrl(),
        REDIS_KEY_PREFIX: keyPrefix,
        JWT_SECRET: randomBytes(24).toString('hex'),
        SMTP_URL: smtp.url,
        OTEL_TRACES_SAMPLER_ARG: '1',
        API_RESPONSE_VALIDATION: 'on',
        PROJECTION_POLL_MS: '50',
        SAGA_POLL_MS: '50',
        NOTIFICATION_SWEEP_INTERVAL_MS: '50',
        ...kafkaEnv(),
        KAFKA_SESSION_TIMEOUT_MS: '6000',
      },
      {
        modules: roleModules.start.filter((module) => module !== webModule),
        logStream: new PassThrough().resume(),
        telemetry: { spanExporter: exporter },
      },
    );
    const api = `http://127.0.0.1:${running.port}/api/v1`;

    const call = async <T>(
      method: string,
      path: string,
      options: { token?: string; body?: unknown; status?: number } = {},
    ): Promise<{ status: number; data: T }> => {
      const response = await fetch(`${api}${path}`, {
        method,
        headers: {
          traceparent: clientTraceparent,
          'idempotency-key': randomUUID(),
          ...(options.body !== undefined && { 'content-type': 'application/json' }),
          ...(options.token && { authorization: `Bearer ${options.token}` }),
        },
        body: options.body === undefined ? undefined : JSON.stringify(options.body),
      });
      const body = (await response.json()) as { data: T };
      if (options.status !== undefined && response.status !== options.status)
        throw new Error(
          `${method} ${path} answered ${response.status}, not ${options.status}: ${JSON.stringify(body)}`,
        );
      return { status: response.status, data: body.data };
    };

    // The demo seed's event is on sale: a buyer signs up, signs in, reserves two seats and pays.
    const { data: event } = await call<EventResource>('GET', '/events/bangkok-rock-night-demo', {
      status: 200,
    });
    const zone = event.shows[0]!.zones[0]!;
    const actor = await running.container.getAsync(InventoryTokens.Actor);
    await waitFor(async () => {
      const counter = await actor.snapshot({ eventId: event.id, zoneId: zone.id });
      return counter !== undefined && !counter.rebuilding;
    });
    const email = `buyer-${randomUUID().slice(0, 8)}@example.test`;
    await call('POST', '/auth/register', { body: { email, password, name: 'Ann' }, status: 201 });
    const {
      data: { accessToken: token },
    } = await call<{ accessToken: string }>('POST', '/auth/login', {
      body: { email, password },
      status: 200,
    });
    const { data: held } = await call<BookingView>('POST', '/bookings', {
      token,
      body: { zoneId: zone.id, quantity: 2 },
      status: 201,
    });
    const bookingId = held.id;
    const {
      data: { paymentId },
    } = await call<{ paymentId: string }>('POST', `/bookings/${bookingId}/pay`, {
      token,
      body: { method: 'card', cardNumber: testCards.succeeds },
      status: 202,
    });

    // Done once the booking reads confirmed, its e-ticket reached the SMTP server and that send's span ended.
    await waitFor(
      async () =>
        (await call<BookingView>('GET', `/bookings/${bookingId}`, { token })).data.status === 'confirmed',
      20_000,
    );
    const mails = smtp.received;
    await waitFor(
      () => mails.some((mail) => String(mail.messageId).includes(`booking-confirmed.${bookingId}`)),
      20_000,
    );
    await waitFor(() => eTicketSends(exporter.getFinishedSpans(), bookingId).length > 0, 20_000);

    return {
      spans: exporter.getFinishedSpans(),
      client,
      bookingId,
      paymentId,
      password,
      databaseUrl: database.url,
      running,
      close,
    };
  } catch (error) {
    await close().catch(() => {});
    throw error;
  }
}
