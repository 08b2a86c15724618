import { SpanKind, type Attributes, type Span } from '@opentelemetry/api';
import {
  categoryOf,
  type AppendResult,
  type EventStore,
  type ExpectedState,
  type LogHead,
  type NewEvent,
  type ReadAllOptions,
  type ReadAllResult,
  type ReadStreamOptions,
  type RecordedEvent,
  type WatchFilter,
} from '../ports/event-store';
import { attr, inSpan, insideRecordedSpan, productAttr, systems } from '../tracing';

export type TracedEventStoreOptions = {
  /** `db.system.name` of the store under it. */
  readonly system: typeof systems.postgresql | typeof systems.kurrentdb;
};

/**
 * The EventStore port with a span for each append and read made by traced work (a request, a batch, a
 * consumed message): `append <category>`, `readStream <category>`, `readAll`. Installed only while
 * tracing is on (`open-event-store.ts`); calls outside traced work pass straight through.
 *
 * On KurrentDB each is a call to the server (CLIENT); on PostgreSQL it is work in this process whose
 * statements are the CLIENT spans beneath it (INTERNAL).
 */
export class TracedEventStore implements EventStore {
  private readonly kind: SpanKind;

  constructor(
    private readonly inner: EventStore,
    private readonly options: TracedEventStoreOptions,
  ) {
    this.kind = options.system === systems.kurrentdb ? SpanKind.CLIENT : SpanKind.INTERNAL;
  }

  append(streamId: string, events: readonly NewEvent[], expected?: ExpectedState): Promise<AppendResult> {
    if (!insideRecordedSpan()) return this.inner.append(streamId, events, expected);
    const types = [...new Set(events.map((event) => event.type))];
    return this.traced(
      'append',
      streamId,
      {
        [productAttr.eventCount]: events.length,
        [productAttr.eventTypes]: types,
        [productAttr.expectedState]: String(expected ?? 'any'),
      },
      () => this.inner.append(streamId, events, expected),
    );
  }

  readStream(streamId: string, options?: ReadStreamOptions): Promise<RecordedEvent[]> {
    if (!insideRecordedSpan()) return this.inner.readStream(streamId, options);
    return this.traced(
      'readStream',
      streamId,
      { [productAttr.readDirection]: options?.direction ?? 'forwards' },
      async (span) => {
        const events = await this.inner.readStream(streamId, options);
        span.setAttribute(productAttr.eventCount, events.length);
        return events;
      },
    );
  }

  readAll(options?: ReadAllOptions): Promise<ReadAllResult> {
    if (!insideRecordedSpan()) return this.inner.readAll(options);
    const categories = options?.categories;
    return inSpan(
      'readAll',
      {
        kind: this.kind,
        attributes: {
          ...this.common('readAll'),
          ...(categories && { [productAttr.readCategories]: [...categories] }),
        },
      },
      async (span) => {
        const result = await this.inner.readAll(options);
        span.setAttribute(productAttr.eventCount, result.events.length);
        span.setAttribute(productAttr.endOfLog, result.endOfLog);
        return result;
      },
    );
  }

  streamExists(streamId: string): Promise<boolean> {
    return this.inner.streamExists(streamId);
  }

  head(): Promise<LogHead> {
    return this.inner.head();
  }

  watch(listener: () => void, filter?: WatchFilter): () => void {
    return this.inner.watch(listener, filter);
  }

  waitForAppendsInFlight(timeoutMs?: number): Promise<void> {
    return this.inner.waitForAppendsInFlight(timeoutMs);
  }

  close(): Promise<void> {
    return this.inner.close();
  }

  private common(operation: string): Attributes {
    return { [attr.dbSystemName]: this.options.system, [attr.dbOperationName]: operation };
  }

  private traced<T>(
    operation: 'append' | 'readStream',
    streamId: string,
    attributes: Attributes,
    work: (span: Span) => Promise<T>,
  ): Promise<T> {
    const category = categoryOf(streamId);
    return inSpan(
      `${operation} ${category}`,
      {
        kind: this.kind,
        attributes: {
          ...this.common(operation),
          [productAttr.streamId]: streamId,
          [productAttr.streamCategory]: category,
          ...attributes,
        },
      },
      work,
    );
  }
}
