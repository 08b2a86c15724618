import assert from 'node:assert/strict';
import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { ROOT_CONTEXT, TraceFlags, context, trace } from '@opentelemetry/api';
import type { Logger } from '../logging';
import { startTelemetry } from './index';

const silent: Logger = { error() {}, warn() {}, info() {}, debug() {}, child: () => silent };

/** A stand-in OTLP collector that records the paths spans were posted to. */
async function startCollector(): Promise<{ server: Server; url: string; posts: string[] }> {
  const posts: string[] = [];
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      posts.push(req.url ?? '');
      res.writeHead(200, { 'content-type': 'application/x-protobuf' }).end();
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, posts };
}

describe('startTelemetry', () => {
  let collector: Awaited<ReturnType<typeof startCollector>>;
  before(async () => {
    collector = await startCollector();
    // The SDK's OTLP exporter reads the standard variable, as it does in production.
    process.env.OTEL_EXPORTER_OTLP_ENDPOINT = collector.url;
  });
  after(() => collector.server.close());

  it('stays a no-op without an OTLP endpoint', async () => {
    const telemetry = await startTelemetry(
      { serviceName: 's', telemetry: { samplerRatio: 1, otlpEndpoint: undefined } },
      silent,
    );
    assert.equal(telemetry.enabled, false);
    const span = trace.getTracer('t').startSpan('noop');
    assert.equal(span.isRecording(), false);
    span.end();
    await telemetry.shutdown();
  });

  it('samples by ratio, follows a sampled parent and exports spans on shutdown', async () => {
    const telemetry = await startTelemetry(
      { serviceName: 'telemetry-test', telemetry: { samplerRatio: 0, otlpEndpoint: collector.url } },
      silent,
    );
    assert.equal(telemetry.enabled, true);
    const tracer = trace.getTracer('t');

    const root = tracer.startSpan('root');
    assert.equal(root.isRecording(), false, 'a ratio of 0 samples no new trace');
    root.end();

    const remoteParent = trace.setSpanContext(ROOT_CONTEXT, {
      traceId: '0af7651916cd43dd8448eb211c80319c',
      spanId: 'b7ad6b7169203331',
      traceFlags: TraceFlags.SAMPLED,
      isRemote: true,
    });
    const child = tracer.startSpan('child', {}, remoteParent);
    assert.equal(child.isRecording(), true, 'a sampled caller is always followed');
    assert.equal(child.spanContext().traceId, '0af7651916cd43dd8448eb211c80319c');
    context.with(trace.setSpan(context.active(), child), () => {
      assert.equal(trace.getActiveSpan(), child, 'the SDK installs an async context manager');
    });
    child.end();

    await telemetry.shutdown();
    assert.deepEqual(collector.posts, ['/v1/traces']);
  });
});
