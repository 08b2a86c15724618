import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { trace } from '@opentelemetry/api';
import { node, tracing } from '@opentelemetry/sdk-node';
import { Router } from 'express';
import { createHttpApp } from '../http';
import { recordingLogger, serve } from '../http/test-support';
import { requestMetadata } from './event-metadata';
import { ok } from './responses';

const callersTraceId = '4bf92f3577b34da6a3ce929d0e0e4736';
const callersHeader = `00-${callersTraceId}-00f067aa0ba902b7-01`;

function appWith(tracing: boolean) {
  const router = Router().get('/metadata', (req, res) => {
    ok(res, {
      traceparent: requestMetadata(req).traceparent ?? null,
      spanId: trace.getActiveSpan()?.spanContext().spanId ?? null,
    });
  });
  return createHttpApp({
    logger: recordingLogger(),
    bodyLimitBytes: 1024,
    tracing,
    routes: [{ path: '', handler: router, operations: [] }],
  });
}

type Seen = { traceparent: string | null; spanId: string | null };

async function metadataOf(url: string): Promise<Seen> {
  const response = await fetch(`${url}/api/v1/metadata`, { headers: { traceparent: callersHeader } });
  return ((await response.json()) as { data: Seen }).data;
}

describe("the trace context an event records: the server's own span", () => {
  const provider = new node.NodeTracerProvider({
    sampler: new tracing.AlwaysOnSampler(),
    spanProcessors: [new tracing.SimpleSpanProcessor(new tracing.InMemorySpanExporter())],
  });
  let traced: Awaited<ReturnType<typeof serve>>;
  let untraced: Awaited<ReturnType<typeof serve>>;
  before(async () => {
    provider.register();
    traced = await serve(appWith(true));
    untraced = await serve(appWith(false));
  });
  after(async () => {
    await traced.close();
    await untraced.close();
    await provider.shutdown();
  });

  it("records the request's span, in the caller's trace, not the caller's header", async () => {
    const seen = await metadataOf(traced.url);
    assert.ok(seen.spanId, 'a server span is active');
    assert.equal(seen.traceparent, `00-${callersTraceId}-${seen.spanId}-01`);
    assert.notEqual(seen.traceparent, callersHeader);
  });

  it('records none while telemetry is off, whatever the caller sent', async () => {
    assert.deepEqual(await metadataOf(untraced.url), { traceparent: null, spanId: null });
  });
});
