import type { EventMetadata } from '../../../domain/shared';

/**
 * Where a reader stands in the global log. Opaque to callers; every adapter formats it so that plain
 * string comparison orders it, and the empty string is "before the first event".
 */
export type Checkpoint = string & { readonly __checkpoint: unique symbol };
export const startOfLog = '' as Checkpoint;

/** Expected state of a stream for an append; a number is the revision of the stream's last event. */
export type ExpectedState = 'any' | 'no_stream' | 'stream_exists' | number;

export type NewEvent = {
  /** uuid; pass a deterministic one when a retry must deduplicate. Generated when absent. */
  readonly id?: string;
  readonly type: string;
  readonly data: unknown;
  readonly metadata?: EventMetadata;
};

export type RecordedEvent<Data = unknown> = {
  readonly id: string;
  readonly streamId: string;
  readonly type: string;
  readonly data: Data;
  readonly metadata: EventMetadata;
  /** 0-based index of the event in its stream. */
  readonly revision: number;
  /** Global position; unique and increasing in append order (readers follow the checkpoint order). */
  readonly position: number;
  readonly checkpoint: Checkpoint;
  readonly createdAt: Date;
};

export type AppendResult = {
  /** Revision of the stream's last event after the append; pass it as the next expected state. */
  readonly nextExpectedRevision: number;
  /** Global position and checkpoint of the last appended event. */
  readonly position: number;
  readonly checkpoint: Checkpoint;
};

export type ReadStreamOptions = {
  readonly direction?: 'forwards' | 'backwards';
  /** Inclusive start revision; defaults to the first (forwards) or last (backwards) event. */
  readonly fromRevision?: number;
  readonly limit?: number;
};

export type ReadAllOptions = {
  /** Exclusive: returns events after this checkpoint. */
  readonly after?: Checkpoint;
  readonly limit?: number;
  /** Only streams of these categories (`booking` for `booking-123`). */
  readonly categories?: readonly string[];
  readonly types?: readonly string[];
};

export type ReadAllResult = {
  readonly events: RecordedEvent[];
  /** Where the next read continues; may lie past the last returned event when filters skipped some. */
  readonly checkpoint: Checkpoint;
  /** True when nothing readable lies beyond `checkpoint` right now. */
  readonly endOfLog: boolean;
};

export type WatchFilter = { readonly categories?: readonly string[] };

export type LogHead = { readonly position: number; readonly checkpoint: Checkpoint };

export interface EventStore {
  append(streamId: string, events: readonly NewEvent[], expected?: ExpectedState): Promise<AppendResult>;
  readStream(streamId: string, options?: ReadStreamOptions): Promise<RecordedEvent[]>;
  readAll(options?: ReadAllOptions): Promise<ReadAllResult>;
  streamExists(streamId: string): Promise<boolean>;
  /** The last readable event of the global log (position 0 and the start checkpoint when empty). */
  head(): Promise<LogHead>;
  /**
   * Calls `listener` soon after new events may have become readable; returns an unsubscribe function.
   * With `categories`, the listener is woken at least for appends to those categories (an adapter may
   * wake it for others too): a follower of the catalog need not wake for every reservation.
   */
  watch(listener: () => void, filter?: WatchFilter): () => void;
  /**
   * Resolves once every append that was in flight when it was called has become readable (or failed), so
   * a reader that then catches up to the head misses none of them: a rebuild of seat counts needs this.
   * Rejects with SERVICE_UNAVAILABLE after `timeoutMs` (default 30 s).
   */
  waitForAppendsInFlight(timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}
