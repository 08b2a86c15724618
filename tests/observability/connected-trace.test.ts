// One booking's trace through the whole product in one process (startEmbedded on PostgreSQL, Redis and
// real Kafka, SMTP on loopback; the journey is traced-journey.ts, which render-trace.ts also draws for the
// README) with every span kept by an in-memory exporter: reserve → pay → confirm →
// e-mail is one connected graph of spans, its edges parent → child and span links (a batch of the log
// has many causes, so a follower links to them rather than continuing one). The in-process bus's spans
// are proven in infra/integration-bus/traced-integration-bus.test.ts.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { SpanKind } from '@opentelemetry/api';
import { bookingStreamId } from '../../domain/booking';
import { paymentStreamId } from '../../domain/payment';
import { TOKENS } from '../../infra/di';
import { testCards } from '../../infra/ports/payment-gateway';
import type { RunningProcess } from '../../infra/roles';
import { notifierGroup } from '../../infra/roles/modules/notifications-module';
import { paymentServiceGroup } from '../../infra/roles/modules/payment-service-module';
import { eTicketSends, runTracedJourney, type Span, type TracedJourney } from './traced-journey';

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
  let journey: TracedJourney;
  let running: RunningProcess;
  let bookingId: string;
  let paymentId: string;
  let spans: readonly Span[];

  before(
    async () => {
      journey = await runTracedJourney();
      ({ running, bookingId, paymentId, spans } = journey);
    },
    { timeout: 60_000 },
  );

  after(() => journey?.close());

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
    const [send] = eTicketSends(spans, bookingId);
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
    assert.equal(statement?.attributes['db.namespace'], new URL(journey.databaseUrl).pathname.slice(1));
    assert.equal(statement.attributes['server.address'], new URL(journey.databaseUrl).hostname);
    assert.equal(typeof statement.attributes['server.port'], 'number');
    const attributes = JSON.stringify(spans.map((span) => span.attributes));
    assert.ok(!attributes.includes(journey.password), "no statement's values (the password) in any span");
    assert.ok(!attributes.includes(testCards.succeeds), 'nor the card number');
  });

  it("writes the reserve request's own span as the event's traceparent: a child of the client's, not its header", async () => {
    const reserve = named('the reserve request', server('/api/v1/bookings'));
    const store = await running.container.getAsync(TOKENS.EventStore);
    const [reserved] = await store.readStream(bookingStreamId(bookingId), { limit: 1 });
    assert.equal(reserved?.type, 'BookingReserved');
    const [, traceId, spanId] = String(reserved.metadata.traceparent).split('-');
    assert.equal(traceId, journey.client.traceId, "in the client's trace");
    assert.notEqual(spanId, journey.client.spanId, "not the client's span");
    assert.equal(spanId, reserve.spanContext().spanId, "the request's own span");
    assert.equal(reserve.parentSpanContext?.spanId, journey.client.spanId, "a child of the client's span");
  });
});
