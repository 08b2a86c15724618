import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { ROOT_CONTEXT, SpanKind, SpanStatusCode, TraceFlags, context, trace } from '@opentelemetry/api';
import { tracing } from '@opentelemetry/sdk-node';
import { describeIntegrationBusContract } from '../ports/integration-bus/contract';
import { Inbox, message, quickRetry, unique } from '../ports/integration-bus/contract-support';
import type { Logger } from '../logging';
import type { IntegrationBus } from '../ports/integration-bus';
import type { SqlClient } from '../ports/sql';
import { PGliteSqlClient } from '../sql';
import { startTelemetry, type Telemetry } from '../telemetry';
import { systems } from '../tracing';
import { SqlIntegrationBus } from './in-process';
import { TracedIntegrationBus } from './traced-integration-bus';

// A ratio of 0 records no new trace, so the contract below runs through the decorator's spans unrecorded
// and its messages keep their headers exactly; the cases here record theirs under a sampled caller.
const silent: Logger = { error() {}, warn() {}, info() {}, debug() {}, child: () => silent };
const exporter = new tracing.InMemorySpanExporter();
let telemetry: Telemetry;
before(async () => {
  telemetry = await startTelemetry(
    { serviceName: 'bus-test', telemetry: { samplerRatio: 0, otlpEndpoint: undefined } },
    silent,
    { spanExporter: exporter },
  );
});
after(() => telemetry.shutdown());

const opened = new Map<IntegrationBus, SqlClient>();
async function openTracedBus(): Promise<IntegrationBus> {
  const sql = await PGliteSqlClient.open();
  const bus = new TracedIntegrationBus(await SqlIntegrationBus.open(sql), { system: systems.sqlBus });
  opened.set(bus, sql);
  return bus;
}
async function closeTracedBus(bus: IntegrationBus): Promise<void> {
  await bus.close();
  await opened.get(bus)?.close();
}

describeIntegrationBusContract('in-process (PGlite) with messaging spans', {
  open: openTracedBus,
  close: closeTracedBus,
});

const callerTraceId = '0af7651916cd43dd8448eb211c80319c';
/** A caller whose trace is sampled (a traced request or batch): what it publishes is recorded. */
const sampledCaller = trace.setSpanContext(ROOT_CONTEXT, {
  traceId: callerTraceId,
  spanId: 'b7ad6b7169203331',
  traceFlags: TraceFlags.SAMPLED,
  isRemote: true,
});
const spansNamed = (name: string) => exporter.getFinishedSpans().filter((span) => span.name === name);

describe('messaging spans of the integration bus', () => {
  let bus: IntegrationBus;
  before(async () => {
    bus = await openTracedBus();
  });
  after(() => closeTracedBus(bus));

  it("sends under a PRODUCER span whose context each message carries; handles under a CONSUMER span, that span's child", async () => {
    const topic = unique('traced');
    await bus.ensureTopics([{ name: topic, partitions: 2 }]);
    const inbox = new Inbox();
    const activeInHandler: (string | undefined)[] = [];
    const groupId = unique('g');
    const subscription = await bus.subscribe({
      groupId,
      topics: [topic],
      handler: async (delivered) => {
        activeInHandler.push(trace.getActiveSpan()?.spanContext().spanId);
        inbox.add(delivered);
      },
    });
    const stored = `00-${'1'.repeat(32)}-${'2'.repeat(16)}-01`;
    await context.with(sampledCaller, () =>
      bus.publish([
        message(topic, 'booking-1', { n: 1 }, { 'event-id': 'e1', traceparent: stored }),
        message(topic, 'booking-2', { n: 2 }, { 'event-id': 'e2' }),
      ]),
    );
    await inbox.count(2);
    await subscription.stop();

    const [producer] = spansNamed(`send ${topic}`);
    assert.ok(producer, 'one producer span');
    assert.equal(producer.kind, SpanKind.PRODUCER);
    assert.equal(producer.spanContext().traceId, callerTraceId, "in the caller's trace");
    assert.deepEqual(producer.attributes, {
      'messaging.system': systems.sqlBus,
      'messaging.operation.type': 'send',
      'messaging.operation.name': 'send',
      'messaging.batch.message_count': 2,
      'messaging.destination.name': topic,
    });
    const own = `00-${callerTraceId}-${producer.spanContext().spanId}-01`;
    assert.deepEqual(
      inbox.received.map((delivered) => delivered.headers.traceparent),
      [own, own],
      "the producer span's context replaces what the message carried",
    );

    const consumers = spansNamed(`process ${topic}`);
    assert.equal(consumers.length, 2);
    for (const consumer of consumers) {
      assert.equal(consumer.kind, SpanKind.CONSUMER);
      assert.equal(consumer.parentSpanContext?.spanId, producer.spanContext().spanId);
      assert.equal(consumer.spanContext().traceId, callerTraceId);
    }
    const first = consumers.find((span) => span.attributes['messaging.message.id'] === 'e1');
    const delivered = inbox.received.find((m) => m.headers['event-id'] === 'e1')!;
    assert.deepEqual(first?.attributes, {
      'messaging.system': systems.sqlBus,
      'messaging.operation.type': 'process',
      'messaging.operation.name': 'process',
      'messaging.destination.name': topic,
      'messaging.consumer.group.name': groupId,
      'messaging.destination.partition.id': String(delivered.partition),
      'messaging.message.id': 'e1',
    });
    assert.deepEqual(
      activeInHandler.sort(),
      consumers.map((span) => span.spanContext().spanId).sort(),
      'the handler runs inside its consumer span',
    );
  });

  it('names a batch for several topics `send`; unrecorded, a message keeps its stored context and the consumer continues it', async () => {
    const [a, b] = [unique('a'), unique('b')];
    await bus.ensureTopics([
      { name: a, partitions: 1 },
      { name: b, partitions: 1 },
    ]);
    await context.with(sampledCaller, () =>
      bus.publish([message(a, 'k', { n: 1 }), message(b, 'k', { n: 2 }), message(b, 'k', { n: 3 })]),
    );
    const [batch] = spansNamed('send').filter((span) => span.spanContext().traceId === callerTraceId);
    assert.equal(batch?.attributes['messaging.batch.message_count'], 3);
    assert.equal(batch?.attributes['messaging.destination.name'], undefined);

    // No traced caller and a ratio of 0: the send is not recorded, so the header stays the event's own.
    const storedTraceId = '3'.repeat(32);
    const stored = `00-${storedTraceId}-${'4'.repeat(16)}-01`;
    await bus.publish([message(a, 'k', { n: 4 }, { traceparent: stored })]);
    const inbox = new Inbox();
    const subscription = await bus.subscribe({ groupId: unique('g'), topics: [a], handler: inbox.handler });
    await inbox.count(2);
    await subscription.stop();
    const late = inbox.received.find((m) => (m.value as { n: number }).n === 4)!;
    assert.equal(late.headers.traceparent, stored);
    const continued = spansNamed(`process ${a}`).find((span) => span.spanContext().traceId === storedTraceId);
    assert.ok(continued, "the consumer span continues the stored context's trace");
    assert.equal(continued.parentSpanContext?.spanId, '4'.repeat(16));
  });

  it('records each failed attempt on its consumer span before the message is dead-lettered', async () => {
    const topic = unique('failing');
    await bus.ensureTopics([{ name: topic, partitions: 1 }]);
    const subscription = await bus.subscribe({
      groupId: unique('g'),
      topics: [topic],
      retry: { ...quickRetry, attempts: 2 },
      handler: async () => {
        throw new TypeError('cannot handle this');
      },
    });
    await context.with(sampledCaller, () => bus.publish([message(topic, 'k', { n: 1 })]));
    const deadline = Date.now() + 10_000;
    while ((await bus.listDeadLetters(topic)).length === 0) {
      assert.ok(Date.now() < deadline, 'the message reached the dead-letter topic');
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    await subscription.stop();
    const attempts = spansNamed(`process ${topic}`);
    assert.equal(attempts.length, 2);
    for (const attempt of attempts) {
      assert.equal(attempt.status.code, SpanStatusCode.ERROR);
      assert.equal(attempt.status.message, 'cannot handle this');
      assert.equal(attempt.attributes['error.type'], 'TypeError');
    }
  });
});
