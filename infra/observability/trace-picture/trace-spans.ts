// The spans a trace picture draws: plain records (ids, names, times in milliseconds, attributes, links),
// read from the SDK's finished spans or written by hand in a test.
import {
  SpanKind,
  SpanStatusCode,
  type Attributes,
  type HrTime,
  type Link,
  type SpanContext,
} from '@opentelemetry/api';

export type SpanKindName = 'internal' | 'server' | 'client' | 'producer' | 'consumer';

export interface TraceSpan {
  readonly traceId: string;
  readonly spanId: string;
  /** The parent's span id; it may name a span that is not among those drawn (a caller's, not recorded). */
  readonly parentSpanId?: string;
  readonly name: string;
  readonly kind: SpanKindName;
  /** Unix milliseconds, fractions kept. */
  readonly start: number;
  readonly end: number;
  readonly attributes: Attributes;
  /** Span ids of the spans this one links to (the work it handles the results of). */
  readonly links: readonly string[];
  readonly failed?: boolean;
}

const kindNames: Readonly<Record<SpanKind, SpanKindName>> = {
  [SpanKind.INTERNAL]: 'internal',
  [SpanKind.SERVER]: 'server',
  [SpanKind.CLIENT]: 'client',
  [SpanKind.PRODUCER]: 'producer',
  [SpanKind.CONSUMER]: 'consumer',
};

/** The part of the SDK's ReadableSpan read here. */
export interface FinishedSpan {
  readonly name: string;
  readonly kind: SpanKind;
  spanContext(): SpanContext;
  readonly parentSpanContext?: SpanContext;
  readonly startTime: HrTime;
  readonly endTime: HrTime;
  readonly status: { readonly code: SpanStatusCode };
  readonly attributes: Attributes;
  readonly links: readonly Link[];
}

const milliseconds = ([seconds, nanos]: HrTime): number => seconds * 1e3 + nanos / 1e6;

export function fromFinishedSpan(span: FinishedSpan): TraceSpan {
  const { traceId, spanId } = span.spanContext();
  return {
    traceId,
    spanId,
    ...(span.parentSpanContext && { parentSpanId: span.parentSpanContext.spanId }),
    name: span.name,
    kind: kindNames[span.kind],
    start: milliseconds(span.startTime),
    end: milliseconds(span.endTime),
    attributes: span.attributes,
    links: span.links.map((link) => link.context.spanId),
    ...(span.status.code === SpanStatusCode.ERROR && { failed: true }),
  };
}

/**
 * The spans on the way to `targets`: each target, its parent, what each of those links to, their parents
 * and links in turn; with `alsoIds` and every descendant of any of them (a path span's own work: its
 * statements, the messages it sent). Ordered as given.
 */
export function causalPath(
  spans: readonly TraceSpan[],
  targetIds: readonly string[],
  alsoIds: readonly string[] = [],
): TraceSpan[] {
  const byId = new Map(spans.map((span) => [span.spanId, span]));
  const children = childrenById(spans);
  const onPath = new Set<string>();
  const stack = [...targetIds];
  for (let id = stack.pop(); id !== undefined; id = stack.pop()) {
    const span = byId.get(id);
    if (!span || onPath.has(id)) continue;
    onPath.add(id);
    if (span.parentSpanId) stack.push(span.parentSpanId);
    stack.push(...span.links);
  }
  const drawn = new Set<string>();
  const down = [...onPath, ...alsoIds.filter((id) => byId.has(id))];
  for (let id = down.pop(); id !== undefined; id = down.pop()) {
    if (drawn.has(id)) continue;
    drawn.add(id);
    down.push(...(children.get(id) ?? []).map((child) => child.spanId));
  }
  return spans.filter((span) => drawn.has(span.spanId));
}

/** Each span's children, by the parent's span id. */
export function childrenById(spans: readonly TraceSpan[]): Map<string, TraceSpan[]> {
  const children = new Map<string, TraceSpan[]>();
  for (const span of spans) {
    if (span.parentSpanId === undefined) continue;
    const siblings = children.get(span.parentSpanId) ?? [];
    siblings.push(span);
    children.set(span.parentSpanId, siblings);
  }
  return children;
}
