import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { trace } from '@opentelemetry/api';
import { node, tracing } from '@opentelemetry/sdk-node';
import { Router } from 'express';
import { ok } from '../http-edge';
import { createHttpApp } from './index';
import { recordingLogger, serve } from './test-support';

describe('request tracing', () => {
  const exporter = new tracing.InMemorySpanExporter();
  const provider = new node.NodeTracerProvider({
    sampler: new tracing.AlwaysOnSampler(),
    spanProcessors: [new tracing.SimpleSpanProcessor(exporter)],
  });
  const router = Router()
    .get('/bookings/:id', (req, res) => {
      ok(res, { traceId: trace.getActiveSpan()?.spanContext().traceId });
    })
    .post('/bookings', (req, res) => {
      ok(res, { traceId: trace.getActiveSpan()?.spanContext().traceId });
    });
  let server: Awaited<ReturnType<typeof serve>>;
  before(async () => {
    provider.register();
    const app = createHttpApp({
      logger: recordingLogger(),
      bodyLimitBytes: 1024,
      tracing: true,
      routes: [{ path: '', handler: router, operations: [] }],
    });
    server = await serve(app);
  });
  after(async () => {
    await server.close();
    await provider.shutdown();
  });

  it("continues the caller's traceparent in one server span named after the route", async () => {
    const traceId = '4bf92f3577b34da6a3ce929d0e0e4736';
    const response = await fetch(`${server.url}/api/v1/bookings/b-1`, {
      headers: { traceparent: `00-${traceId}-00f067aa0ba902b7-01` },
    });
    assert.deepEqual(await response.json(), { success: true, data: { traceId } });
    await provider.forceFlush();
    const span = exporter.getFinishedSpans().find((finished) => finished.spanContext().traceId === traceId);
    assert.ok(span, 'the span was recorded');
    assert.equal(span.name, 'GET /api/v1/bookings/:id');
    assert.equal(span.attributes['http.route'], '/api/v1/bookings/:id');
    assert.equal(span.attributes['http.response.status_code'], 200);
  });

  it('keeps the span active in a route whose JSON body was read first', async () => {
    const traceId = '5bf92f3577b34da6a3ce929d0e0e4736';
    const response = await fetch(`${server.url}/api/v1/bookings`, {
      method: 'POST',
      headers: { traceparent: `00-${traceId}-00f067aa0ba902b7-01`, 'content-type': 'application/json' },
      body: JSON.stringify({ zoneId: 'z', quantity: 2 }),
    });
    assert.deepEqual(await response.json(), { success: true, data: { traceId } });
    await provider.forceFlush();
    const span = exporter.getFinishedSpans().find((finished) => finished.spanContext().traceId === traceId);
    assert.equal(span?.attributes['http.route'], '/api/v1/bookings');
  });
});
