import { randomUUID } from 'node:crypto';
import { END } from '@kurrent/kurrentdb-client';
import {
  WrongExpectedVersionError,
  assertValidEvents,
  assertValidStreamId,
  startOfLog,
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
} from '../../ports/event-store';
import { formatKurrentCheckpoint } from './checkpoint';
import { KurrentConnection, deadlineFromConnectionString, normaliseConnectionString } from './connection';
import { encodeEvents } from './encode-events';
import { toAppendError } from './error-mapping';
import { toStreamState } from './expected-state';
import { LogReader, toClientReadOptions } from './log-reader';
import { LogWatcher } from './log-watcher';
import { userStreams } from './read-filter';
import { knownPosition, toRecordedEvent } from './recorded-event';
import { readAll } from './read-all';

export type KurrentDbEventStoreOptions = {
  /** Longest wait for one call before EventStoreUnavailableError; default: the connection string's `defaultDeadline`, else 10 s. */
  readonly deadlineMs?: number;
  readonly defaultReadLimit?: number;
  /** How long watch() gathers new events before waking its listeners once. */
  readonly watchDebounceMs?: number;
  /** First wait before a client that lost the server is replaced again (doubles up to 30 s). */
  readonly reconnectDelayMs?: number;
};

/** The EventStore port on KurrentDB (and EventStoreDB) through its gRPC client. */
export class KurrentDbEventStore implements EventStore {
  private readonly reader: LogReader;
  private readonly watcher: LogWatcher;

  private constructor(
    private readonly connection: KurrentConnection,
    private readonly deadlineMs: number,
    private readonly defaultReadLimit: number,
    watchDebounceMs: number,
  ) {
    this.reader = new LogReader(connection);
    this.watcher = new LogWatcher(
      () => connection.acquire().subscribeToAll({ fromPosition: END, filter: userStreams() }),
      { debounceMs: watchDebounceMs, minRetryMs: 500, maxRetryMs: 30_000 },
    );
  }

  /** Connects lazily: an unreachable server fails the first call with EventStoreUnavailableError. */
  static async connect(
    connectionString: string,
    options: KurrentDbEventStoreOptions = {},
  ): Promise<KurrentDbEventStore> {
    const normalised = normaliseConnectionString(connectionString);
    const deadlineMs = options.deadlineMs ?? deadlineFromConnectionString(normalised) ?? 10_000;
    const connection = new KurrentConnection(normalised, {
      deadlineMs,
      minRenewDelayMs: options.reconnectDelayMs ?? 1000,
      maxRenewDelayMs: 30_000,
    });
    return new KurrentDbEventStore(
      connection,
      deadlineMs,
      options.defaultReadLimit ?? 1000,
      options.watchDebounceMs ?? 10,
    );
  }

  async append(
    streamId: string,
    events: readonly NewEvent[],
    expected: ExpectedState = 'any',
  ): Promise<AppendResult> {
    assertValidStreamId(streamId);
    assertValidEvents(events);
    const streamState = toStreamState(expected);
    const { eventIds, eventData } = encodeEvents(events, randomUUID);
    const result = await this.connection.call(
      (client) => client.appendToStream(streamId, eventData, { streamState, deadline: this.deadlineMs }),
      (error) => toAppendError(error, streamId, expected, eventIds),
    );
    // Only when the connection string sets throwOnAppendFailure=false.
    if (!result.success) {
      throw new WrongExpectedVersionError(streamId, expected, Number(result.nextExpectedRevision));
    }
    const position =
      knownPosition(result.position) ?? (await this.reader.positionOf(streamId, result.nextExpectedRevision));
    this.watcher.notify();
    return {
      nextExpectedRevision: Number(result.nextExpectedRevision),
      position: Number(position.commit),
      checkpoint: formatKurrentCheckpoint(position),
    };
  }

  async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    assertValidStreamId(streamId);
    const events = await this.reader.stream(streamId, toClientReadOptions(options, this.defaultReadLimit));
    return events.map(toRecordedEvent);
  }

  async streamExists(streamId: string): Promise<boolean> {
    assertValidStreamId(streamId);
    return (await this.reader.stream(streamId, { maxCount: 1 })).length > 0;
  }

  readAll(options: ReadAllOptions = {}): Promise<ReadAllResult> {
    return readAll(this.reader, options, this.defaultReadLimit);
  }

  async head(): Promise<LogHead> {
    const last = await this.reader.lastUserEvent();
    if (!last) return { position: 0, checkpoint: startOfLog };
    return { position: Number(last.position.commit), checkpoint: formatKurrentCheckpoint(last.position) };
  }

  /** KurrentDB orders events when it acknowledges them: an acknowledged append is readable at once. */
  async waitForAppendsInFlight(): Promise<void> {}

  /** Wakes every watcher whatever was appended (the filter is a hint the port allows to ignore). */
  watch(listener: () => void, _filter?: WatchFilter): () => void {
    return this.watcher.watch(listener);
  }

  async close(): Promise<void> {
    this.watcher.stop();
    await this.connection.close();
  }
}
