import {
  ROOT_CONTEXT,
  SpanStatusCode,
  context,
  propagation,
  trace,
  type Context,
  type Link,
  type Span,
  type SpanOptions,
} from '@opentelemetry/api';
import packageJson from '../../package.json';
import { attr } from './semconv';

/** The one tracer of the product; instrumentation scopes are told apart by span names and attributes. */
export const tracer = trace.getTracer('booking-rush', packageJson.version);

let active = false;

/**
 * True while the SDK records spans (startTelemetry). Instrumentation that would cost the hot path even
 * with the API's no-op tracer (a wrapper, a header parse) checks this first and stays out of the way.
 */
export function tracingActive(): boolean {
  return active;
}

export function setTracingActive(on: boolean): void {
  active = on;
}

/**
 * True inside a span being recorded: where a client call (a query, a script, a read of the log) is worth
 * a span of its own. Calls outside any traced work (a follower's poll, a sweeper's tick) stay unrecorded
 * rather than each starting a trace of one span.
 */
export function insideRecordedSpan(): boolean {
  return active && trace.getActiveSpan()?.isRecording() === true;
}

/** The recording span of `ctx` as a W3C `traceparent`; none while nothing is being recorded. */
export function traceparentOf(ctx: Context = context.active()): string | undefined {
  if (!trace.getSpan(ctx)?.isRecording()) return undefined;
  const carrier: Record<string, string> = {};
  propagation.inject(ctx, carrier);
  return carrier.traceparent;
}

/**
 * What an event written now records as its trace context: the span at work in this process (which
 * continues or links the cause's), else what the cause carried, so the chain survives while tracing is off.
 */
export function traceparentFor(inherited: string | undefined): string | undefined {
  return traceparentOf() ?? inherited;
}

/** The context a stored or received `traceparent` names (the root context when absent or malformed). */
export function contextOf(traceparent: string | undefined): Context {
  if (!traceparent) return ROOT_CONTEXT;
  return propagation.extract(ROOT_CONTEXT, { traceparent });
}

/** Links to the distinct, valid trace contexts among `traceparents` (at most `max`: a span stays small). */
export function linksTo(traceparents: Iterable<string | undefined>, max = 128): Link[] {
  const links: Link[] = [];
  const seen = new Set<string>();
  for (const traceparent of traceparents) {
    if (!traceparent || seen.has(traceparent)) continue;
    seen.add(traceparent);
    const spanContext = trace.getSpanContext(contextOf(traceparent));
    if (!spanContext || !trace.isSpanContextValid(spanContext)) continue;
    links.push({ context: spanContext });
    if (links.length >= max) break;
  }
  return links;
}

/** Marks `span` failed with `error` (its class as `error.type`, the exception as an event). */
export function recordFailure(span: Span, error: unknown): void {
  span.setStatus({
    code: SpanStatusCode.ERROR,
    message: error instanceof Error ? error.message : String(error),
  });
  span.setAttribute(attr.errorType, error instanceof Error ? error.name : 'Error');
  if (error instanceof Error) span.recordException(error);
}

/**
 * Runs `work` inside a new active span (child of `parent`, else of the active context), ending it when
 * `work` settles and marking it failed when it throws.
 */
export function inSpan<T>(
  name: string,
  options: SpanOptions & { readonly parent?: Context },
  work: (span: Span) => Promise<T>,
): Promise<T> {
  const { parent = context.active(), ...spanOptions } = options;
  return tracer.startActiveSpan(name, spanOptions, parent, async (span) => {
    try {
      return await work(span);
    } catch (error) {
      recordFailure(span, error);
      throw error;
    } finally {
      span.end();
    }
  });
}
