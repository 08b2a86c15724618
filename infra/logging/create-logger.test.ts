import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Writable } from 'node:stream';
import { trace } from '@opentelemetry/api';
import { node, tracing } from '@opentelemetry/sdk-node';
import { createLogger, runWithContext, type LoggerOptions } from './index';

function capture(options: Partial<LoggerOptions> = {}) {
  const lines: Record<string, unknown>[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString().split('\n').filter(Boolean)) lines.push(JSON.parse(line));
      done();
    },
  });
  const logger = createLogger({ serviceName: 'test-service', logLevel: 'info', stream, ...options });
  return { logger, lines };
}

describe('createLogger', () => {
  const provider = new node.NodeTracerProvider({ sampler: new tracing.AlwaysOnSampler() });
  before(() => provider.register());
  after(() => provider.shutdown());

  it('writes one JSON object per line with level, msg, service and the given fields', () => {
    const { logger, lines } = capture();
    logger.info('listening', { port: 4321 });
    assert.equal(lines.length, 1);
    assert.deepEqual(
      { ...lines[0], time: undefined },
      {
        time: undefined,
        level: 'info',
        msg: 'listening',
        service: 'test-service',
        port: 4321,
      },
    );
    assert.ok(!Number.isNaN(Date.parse(String(lines[0]!.time))));
  });

  it('drops lines below the configured level', () => {
    const { logger, lines } = capture({ logLevel: 'warn' });
    logger.debug('noise');
    logger.info('noise');
    logger.warn('careful');
    logger.error('broken');
    assert.deepEqual(
      lines.map((line) => line.level),
      ['warn', 'error'],
    );
  });

  it('adds child fields to every line of the child only', () => {
    const { logger, lines } = capture();
    const child = logger.child({ role: 'projector' });
    child.info('started', { projection: 'bookings' });
    logger.info('plain');
    assert.equal(lines[0]!.role, 'projector');
    assert.equal(lines[0]!.projection, 'bookings');
    assert.equal(lines[1]!.role, undefined);
  });

  it('carries the correlation id of the request context, across awaits', async () => {
    const { logger, lines } = capture();
    await runWithContext({ correlationId: 'req-42' }, async () => {
      await Promise.resolve();
      logger.info('inside');
    });
    logger.info('outside');
    assert.equal(lines[0]!.correlationId, 'req-42');
    assert.equal('correlationId' in lines[1]!, false);
  });

  it('carries the trace and span ids of the active span', () => {
    const { logger, lines } = capture();
    trace.getTracer('test').startActiveSpan('work', (span) => {
      logger.info('traced');
      span.end();
      const { traceId, spanId } = span.spanContext();
      assert.equal(lines[0]!.traceId, traceId);
      assert.equal(lines[0]!.spanId, spanId);
    });
    logger.info('untraced');
    assert.equal('traceId' in lines[1]!, false);
  });

  it('writes errors with name, message and stack', () => {
    const { logger, lines } = capture();
    logger.error('failed', { error: Object.assign(new Error('boom'), { code: 'E_TEST' }) });
    const error = lines[0]!.error as Record<string, unknown>;
    assert.equal(error.message, 'boom');
    assert.equal(error.code, 'E_TEST');
    assert.match(String(error.stack), /boom/);
  });

  it('survives unserializable fields and ignores lines after close', async () => {
    const { logger, lines } = capture();
    const loop: Record<string, unknown> = {};
    loop.self = loop;
    logger.info('loop', { loop, big: 1n });
    await logger.close();
    logger.info('late');
    assert.equal(lines.length, 1);
    assert.equal(lines[0]!.msg, 'loop');
  });
});
