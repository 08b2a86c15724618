// One booking's trace through the whole product in one process (startEmbedded on PostgreSQL, Redis and
// real Kafka, SMTP on loopback) with every span kept by an in-memory exporter: reserve → pay → confirm →
// e-mail is one connected graph of spans, its edges parent → child and span links (a batch of the log
// has many causes, so a follower links to them rather than continuing one). The in-process bus's spans
// are proven in infra/integration-bus/traced-integration-bus.test.ts.
import assert from 'node:assert/strict';
import { randomBytes, randomUUID } from 'node:crypto';
import { PassThrough } from 'node:stream';
import { after, before, describe, it } from 'node:test';
import { SpanKind } from '@opentelemetry/api';
import { tracing } from '@opentelemetry/sdk-node';
import { bookingStreamId, type BookingView } from '../../domain/booking';
import type { EventResource } from '../../domain/catalog';
import { paymentStreamId } from '../../domain/payment';
import { TOKENS } from '../../infra/di';
import { startSmtpTestServer, type SmtpTestServer } from '../../infra/mail/testing/smtp-test-server';
import { testCards } from '../../infra/ports/payment-gateway';
import { roleModules, startEmbedded, type RunningProcess } from '../../infra/roles';
import { InventoryTokens } from '../../infra/roles/modules/inventory-tokens';
import { notifierGroup } from '../../infra/roles/modules/notifications-module';
import { paymentServiceGroup } from '../../infra/roles/modules/payment-service-module';
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

type Span = tracing.ReadableSpan;

/** What the buyer's browser would send: its own span, which the server's spans continue. */
const client = { traceId: randomBytes(16).toString('hex'), spanId: randomBytes(8).toString('hex') };
const clientTraceparent = `00-${client.traceId}-${client.spanId}-01`;
const password = `correct horse ${randomUUID()}`;

/** Connected components of the span graph: parent → child and link edges, spans named by span id. */
class SpanGraph {
  private readonly root = new Map<string, string>();

  constructor(spans: readonly Span[]) {
    for (const span of spans) {
      const id = span.spanContext().spanId;
      if (span.parentSpanContext) this.join(id, span.parentSpanContext.spanId);
      for (const link of span.links) this.join(id, link.context.spanId);
    }
  }

  connected(a: Span, b: Span): boolean {
    return this.find(a.spanContext().spanId) === this.find(b.spanContext().spanId);
  }

  private find(id: string): string {
    let at = id;
    for (let next = this.root.get(at); next !== undefined && next !== at; next = this.root.get(at)) at = next;
    if (at !== id) this.root.set(id, at);
    return at;
  }

  private join(a: string, b: string): void {
    this.root.set(this.find(a), this.find(b));
  }
}

describe('one connected trace from a reservation to its e-mail', () => {
  const exporter = new tracing.InMemorySpanExporter();
  const keyPrefix = testKeyPrefix('trace');
  let database: TestDatabase;
  let smtp: SmtpTestServer;
  let running: RunningProcess;
  let api: string;
  let bookingId: string;
  let paymentId: string;
  let spans: Span[];

  const call = async <T>(method: string, path: string, options: { token?: string; body?: unknown } = {}) => {
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
    return { status: response.status, data: body.data, body };
  };
  const expect = async <T>(status: number, reply: Promise<{ status: number; data: T; body: unknown }>) => {
    const { status: got, data, body } = await reply;
    assert.equal(got, status, JSON.stringify(body));
    return data;
  };

  before(
    async () => {
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
      api = `http://127.0.0.1:${running.port}/api/v1`;

      // The demo seed's event is on sale: a buyer signs up, signs in, reserves two seats and pays.
      const event = await expect(200, call<EventResource>('GET', '/events/bangkok-rock-night-demo'));
      const zone = event.shows[0]!.zones[0]!;
      const actor = await running.container.getAsync(InventoryTokens.Actor);
      await waitFor(async () => {
        const counter = await actor.snapshot({ eventId: event.id, zoneId: zone.id });
        return counter !== undefined && !counter.rebuilding;
      });
      const email = `buyer-${randomUUID().slice(0, 8)}@example.test`;
      await expect(201, call('POST', '/auth/register', { body: { email, password, name: 'Ann' } }));
      const { accessToken: token } = await expect(
        200,
        call<{ accessToken: string }>('POST', '/auth/login', { body: { email, password } }),
      );
      const held = await expect(
        201,
        call<BookingView>('POST', '/bookings', { token, body: { zoneId: zone.id, quantity: 2 } }),
      );
      bookingId = held.id;
      ({ paymentId } = await expect(
        202,
        call<{ paymentId: string }>('POST', `/bookings/${bookingId}/pay`, {
          token,
          body: { method: 'card', cardNumber: testCards.succeeds },
        }),
      ));

      // Done once the booking reads confirmed, its e-ticket reached the SMTP server and that send's span ended.
      await waitFor(
        async () =>
          (await call<BookingView>('GET', `/bookings/${bookingId}`, { token })).data.status === 'confirmed',
        20_000,
      );
      await waitFor(
        () => smtp.received.some((mail) => String(mail.messageId).includes(`booking-confirmed.${bookingId}`)),
        20_000,
      );
      await waitFor(() => sendsOf(exporter.getFinishedSpans()).length > 0, 20_000);
      spans = exporter.getFinishedSpans();
    },
    { timeout: 60_000 },
  );

  after(async () => {
    await running?.stop();
    await smtp?.close();
    await database?.drop();
    await deleteKeysUnder(keyPrefix);
  });

  const sendsOf = (finished: readonly Span[]) =>
    finished.filter(
      (span) =>
        span.name === 'send email' &&
        span.attributes['booking_rush.notification.id'] === `${bookingId}:booking-confirmed`,
    );
  const server = (route: string) =>
    spans.find(
      (span) =>
        span.kind === SpanKind.SERVER &&
        span.attributes['http.request.method'] === 'POST' &&
        span.attributes['http.route'] === route,
    );
  const parentOf = (child: Span) =>
    spans.find((span) => span.spanContext().spanId === child.parentSpanContext?.spanId);
  const named = (what: string, found: Span | undefined): Span => {
    assert.ok(found, `${what} among ${[...new Set(spans.map((span) => span.name))].join(', ')}`);
    return found;
  };

  it('joins the HTTP requests, the saga, the bus, the payment service and the notifier in one graph', () => {
    const reserve = named('the reserve request', server('/api/v1/bookings'));
    const pay = named('the pay request', server('/api/v1/bookings/:id/pay'));
    const graph = new SpanGraph(spans);
    const joined = (candidates: Span[]) => candidates.filter((span) => graph.connected(reserve, span));
    const kinds = (kind: SpanKind, group?: string) =>
      spans.filter(
        (span) =>
          span.kind === kind &&
          (group === undefined || span.attributes['messaging.consumer.group.name'] === group),
      );

    assert.ok(graph.connected(reserve, pay), 'reserve and pay');
    for (const batch of spans.filter((span) => span.name.startsWith('follow ')))
      assert.equal(
        batch.parentSpanContext,
        undefined,
        `${batch.name} joins by links, not under what woke it`,
      );
    const saga = spans.filter((span) => span.name === 'follow projection:booking-saga');
    assert.ok(joined(saga).length > 0, `a batch of the saga (of ${saga.length})`);
    assert.ok(joined(kinds(SpanKind.PRODUCER)).length > 0, 'a send on the bus');
    assert.ok(joined(kinds(SpanKind.CONSUMER)).length > 0, 'a message handled from the bus');
    assert.ok(joined(kinds(SpanKind.CONSUMER, paymentServiceGroup)).length > 0, 'the payment service');
    const [send] = sendsOf(spans);
    const notified = named('the e-ticket sent', send);
    assert.ok(graph.connected(reserve, notified), "the e-ticket's send");
    const consumer = parentOf(notified);
    assert.equal(consumer?.kind, SpanKind.CONSUMER, 'sent inside the consumer span');
    assert.equal(consumer.attributes['messaging.consumer.group.name'], notifierGroup);
    assert.equal(consumer.attributes['messaging.system'], 'kafka');
    assert.equal(consumer.attributes['messaging.kafka.message.key'], bookingStreamId(bookingId));
    assert.equal(typeof consumer.attributes['messaging.kafka.offset'], 'number');
    assert.equal(parentOf(consumer)?.kind, SpanKind.PRODUCER, "the child of the relay's send");
  });

  it('has the saga and the payment service record their own spans in what they append', async () => {
    const store = await running.container.getAsync(TOKENS.EventStore);
    const spanOf = async (streamId: string, type: string) => {
      const event = (await store.readStream(streamId)).find((recorded) => recorded.type === type);
      const spanId = String(event?.metadata.traceparent).split('-')[2];
      return named(
        `the span ${type} records`,
        spans.find((span) => span.spanContext().spanId === spanId),
      );
    };
    const confirmedBy = await spanOf(bookingStreamId(bookingId), 'BookingConfirmed');
    const within = (span: Span | undefined, name: string): boolean =>
      span !== undefined && (span.name === name || within(parentOf(span), name));
    assert.ok(
      within(confirmedBy, 'follow projection:booking-saga'),
      `the confirm was decided in a saga batch (${confirmedBy.name})`,
    );
    const chargedBy = await spanOf(paymentStreamId(paymentId), 'PaymentSucceeded');
    assert.equal(chargedBy.kind, SpanKind.CONSUMER, 'the charge was made handling a message');
    assert.equal(chargedBy.attributes['messaging.consumer.group.name'], paymentServiceGroup);
  });

  it('records inside the reserve request its Redis hold, its append and their PostgreSQL statements', () => {
    const reserve = named('the reserve request', server('/api/v1/bookings'));
    const childOf = (parent: Span) => (span: Span) =>
      span.parentSpanContext?.spanId === parent.spanContext().spanId;
    const hold = named(
      'the hold script',
      spans.find((span) => span.name === 'EVALSHA hold'),
    );
    assert.ok(childOf(reserve)(hold), 'the hold is a child of the request');
    assert.equal(hold.kind, SpanKind.CLIENT);
    assert.equal(hold.attributes['db.system.name'], 'redis');
    assert.equal(hold.attributes['db.query.summary'], 'EVALSHA hold');
    const append = named(
      'the append',
      spans.find((span) => span.name === 'append booking'),
    );
    assert.ok(childOf(reserve)(append), 'the append is a child of the request');
    const statement = spans.find(
      (span) => span.kind === SpanKind.CLIENT && span.attributes['db.system.name'] === 'postgresql',
    );
    assert.equal(statement?.attributes['db.namespace'], new URL(database.url).pathname.slice(1));
    assert.equal(statement.attributes['server.address'], new URL(database.url).hostname);
    assert.equal(typeof statement.attributes['server.port'], 'number');
    const attributes = JSON.stringify(spans.map((span) => span.attributes));
    assert.ok(!attributes.includes(password), "no statement's values (the password) in any span");
    assert.ok(!attributes.includes(testCards.succeeds), 'nor the card number');
  });

  it("writes the reserve request's own span as the event's traceparent: a child of the client's, not its header", async () => {
    const reserve = named('the reserve request', server('/api/v1/bookings'));
    const store = await running.container.getAsync(TOKENS.EventStore);
    const [reserved] = await store.readStream(bookingStreamId(bookingId), { limit: 1 });
    assert.equal(reserved?.type, 'BookingReserved');
    const [, traceId, spanId] = String(reserved.metadata.traceparent).split('-');
    assert.equal(traceId, client.traceId, "in the client's trace");
    assert.notEqual(spanId, client.spanId, "not the client's span");
    assert.equal(spanId, reserve.spanContext().spanId, "the request's own span");
    assert.equal(reserve.parentSpanContext?.spanId, client.spanId, "a child of the client's span");
  });
});
