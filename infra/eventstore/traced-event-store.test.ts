import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { ROOT_CONTEXT, SpanKind, SpanStatusCode, context, trace } from '@opentelemetry/api';
import { tracing } from '@opentelemetry/sdk-node';
import { describeEventStoreContract } from '../ports/event-store/contract';
import { uniqueCategory } from '../ports/event-store/contract-support';
import type { EventStore } from '../ports/event-store';
import type { Logger } from '../logging';
import { PGliteSqlClient } from '../sql';
import { startTelemetry, type Telemetry } from '../telemetry';
import { systems } from '../tracing';
import { PostgresEventStore } from './postgres';
import { TracedEventStore } from './traced-event-store';

const silent: Logger = { error() {}, warn() {}, info() {}, debug() {}, child: () => silent };
const exporter = new tracing.InMemorySpanExporter();
let telemetry: Telemetry;
before(async () => {
  telemetry = await startTelemetry(
    { serviceName: 'event-store-test', telemetry: { samplerRatio: 1, otlpEndpoint: undefined } },
    silent,
    { spanExporter: exporter },
  );
});
after(() => telemetry.shutdown());

/**
 * Traced work calling the store (a request, a batch): a span being recorded. Only calls made inside one
 * get spans of their own.
 */
function tracedWork() {
  const span = trace.getTracer('test').startSpan('traced work');
  return { span, context: trace.setSpan(ROOT_CONTEXT, span) };
}

/** The store as traced work calls it: every method runs inside one recording span. */
function calledFromTracedWork(store: EventStore): { store: EventStore; end(): void } {
  const work = tracedWork();
  const called = new Proxy(store, {
    get(target, key, receiver) {
      const value: unknown = Reflect.get(target, key, receiver);
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => context.with(work.context, () => value.apply(target, args) as unknown);
    },
  });
  return { store: called, end: () => work.span.end() };
}

async function openTracedStore(): Promise<{ store: EventStore; close(): Promise<void> }> {
  const sql = await PGliteSqlClient.open();
  const store = new TracedEventStore(await PostgresEventStore.open(sql), { system: systems.postgresql });
  return {
    store,
    async close() {
      await store.close();
      await sql.close();
    },
  };
}

const opened = new Map<EventStore, () => Promise<void>>();
describeEventStoreContract('PostgreSQL on PGlite, with spans, called from traced work', {
  filtersWakeUps: true,
  async open() {
    const { store, close } = await openTracedStore();
    const called = calledFromTracedWork(store);
    opened.set(called.store, async () => {
      called.end();
      await close();
      const names = new Set(exporter.getFinishedSpans().map((span) => span.name.split(' ')[0]));
      for (const name of ['append', 'readStream', 'readAll', 'SELECT'])
        assert.ok(names.has(name), `the contract ran through ${name} spans`);
    });
    return called.store;
  },
  async close(store) {
    await opened.get(store)?.();
  },
});

describe('spans of the event store', () => {
  let store: EventStore;
  let close: () => Promise<void>;
  before(async () => {
    ({ store, close } = await openTracedStore());
  });
  after(() => close());
  beforeEach(() => exporter.reset());

  let caller: ReturnType<typeof tracedWork>;
  beforeEach(() => (caller = tracedWork()));
  const traced = <T>(work: () => Promise<T>) => context.with(caller.context, work);
  const finished = () => exporter.getFinishedSpans();

  it('spans an append as `append <category>` with its stream, events and statements, never their values', async () => {
    const category = uniqueCategory();
    const streamId = `${category}-1`;
    await traced(() =>
      store.append(
        streamId,
        [
          { type: 'Opened', data: { secret: 'do-not-trace-me' } },
          { type: 'Noted', data: { n: 1 } },
          { type: 'Noted', data: { n: 2 } },
        ],
        'no_stream',
      ),
    );
    const append = finished().find((span) => span.name === `append ${category}`);
    assert.ok(
      append,
      finished()
        .map((span) => span.name)
        .join(', '),
    );
    assert.equal(append.kind, SpanKind.INTERNAL);
    assert.equal(append.parentSpanContext?.spanId, caller.span.spanContext().spanId);
    assert.deepEqual(append.attributes, {
      'db.system.name': 'postgresql',
      'db.operation.name': 'append',
      'booking_rush.stream.id': streamId,
      'booking_rush.stream.category': category,
      'booking_rush.event.count': 3,
      'booking_rush.event.types': ['Opened', 'Noted'],
      'booking_rush.stream.expected_state': 'no_stream',
    });
    const statements = finished().filter((span) => span.kind === SpanKind.CLIENT);
    assert.ok(statements.length > 0, 'its SQL statements are spans');
    for (const statement of statements) {
      assert.equal(statement.spanContext().traceId, caller.span.spanContext().traceId);
      assert.equal(statement.attributes['db.system.name'], 'postgresql');
      assert.equal(statement.attributes['db.namespace'], 'postgres');
      assert.equal(statement.attributes['server.address'], undefined, 'PGlite has no server');
      assert.match(String(statement.attributes['db.operation.name']), /^[A-Z]+$/);
      assert.equal(typeof statement.attributes['db.query.text'], 'string');
    }
    assert.ok(
      statements.some((span) => String(span.attributes['db.query.text']).includes('es_append_batch')),
      'the append statement is among them',
    );
    const everything = JSON.stringify(finished().map((span) => span.attributes));
    assert.ok(!everything.includes('do-not-trace-me'), 'no event data in any attribute');
  });

  it('spans reads with what they returned, and marks a refused append failed', async () => {
    const category = uniqueCategory();
    const streamId = `${category}-1`;
    await store.append(streamId, [{ type: 'Opened', data: {} }]);
    await traced(async () => {
      await store.readStream(streamId, { direction: 'backwards' });
      await store.readAll({ categories: [category] });
      await assert.rejects(store.append(streamId, [{ type: 'Again', data: {} }], 'no_stream'));
    });

    const read = finished().find((span) => span.name === `readStream ${category}`);
    assert.equal(read?.attributes['db.operation.name'], 'readStream');
    assert.equal(read.attributes['booking_rush.read.direction'], 'backwards');
    assert.equal(read.attributes['booking_rush.event.count'], 1);
    const all = finished().find((span) => span.name === 'readAll');
    assert.deepEqual(all?.attributes['booking_rush.read.categories'], [category]);
    assert.equal(all.attributes['booking_rush.event.count'], 1);
    assert.equal(all.attributes['booking_rush.read.end_of_log'], true);
    const refused = finished().find((span) => span.name === `append ${category}`);
    assert.equal(refused?.status.code, SpanStatusCode.ERROR);
    assert.equal(refused.attributes['error.type'], 'WrongExpectedVersionError');
  });

  it('spans nothing for calls outside traced work (a poll, a sweep)', async () => {
    const category = uniqueCategory();
    await store.append(`${category}-1`, [{ type: 'Opened', data: {} }]);
    await store.readStream(`${category}-1`);
    await store.readAll({ categories: [category] });
    assert.deepEqual(finished(), []);
  });
});
