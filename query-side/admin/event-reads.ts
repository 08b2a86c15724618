import { AppError } from '../../domain/shared';
import { assertValidStreamId, type Checkpoint, type EventStore } from '../../infra/ports/event-store';
import { toFeedEventView, toStreamEventView, type FeedEventView, type StreamEventView } from './event-views';

export type StreamPage = {
  readonly events: StreamEventView[];
  /** The `fromVersion` of the next page, or null when this page reached the end of the stream. */
  readonly next: number | null;
};

/**
 * One page of a stream's events in version order. A bad stream name is a 400 (the port's
 * InvalidStreamNameError), a stream that does not exist a 404.
 */
export async function readStreamPage(
  store: EventStore,
  streamId: string,
  fromVersion: number,
  limit: number,
): Promise<StreamPage> {
  assertValidStreamId(streamId);
  // One more than asked tells whether another page follows without a second read.
  const events = await store.readStream(streamId, { fromRevision: fromVersion, limit: limit + 1 });
  if (events.length === 0 && !(await store.streamExists(streamId))) {
    throw new AppError('NOT_FOUND', `No stream ${streamId}`);
  }
  const page = events.slice(0, limit);
  const last = page.at(-1);
  return {
    events: page.map(toStreamEventView),
    next: events.length > limit && last ? last.revision + 1 : null,
  };
}

/** `meta` of a page of `GET /admin/streams/:streamId`. */
export type AdminStreamPageMeta = {
  readonly streamId: string;
  readonly fromVersion: number;
  readonly limit: number;
  /** The `fromVersion` of the next page, or null when this page reached the end of the stream. */
  readonly next: number | null;
};

export type FeedQuery = {
  readonly after: Checkpoint;
  readonly limit: number;
  readonly categories?: readonly string[];
  readonly types?: readonly string[];
};

export type FeedPage = {
  readonly events: FeedEventView[];
  /** Pass as `after` for the next page; it may lie past the last event when filters skipped some. */
  readonly next: Checkpoint;
  /** Nothing readable lies beyond `next` right now. */
  readonly endOfLog: boolean;
};

/** `meta` of a page of `GET /admin/events`. */
export type AdminFeedPageMeta = {
  /** Pass as `after` for the next page; it may lie past the last event when filters skipped some. */
  readonly next: string;
  /** Nothing readable lies beyond `next` right now: ask again later with the same `after`. */
  readonly endOfLog: boolean;
  readonly limit: number;
};

/** One page of the global log in log order, after a checkpoint, optionally by categories and types. */
export async function readFeedPage(store: EventStore, query: FeedQuery): Promise<FeedPage> {
  const result = await store.readAll({
    after: query.after,
    limit: query.limit,
    ...(query.categories ? { categories: query.categories } : {}),
    ...(query.types ? { types: query.types } : {}),
  });
  return { events: result.events.map(toFeedEventView), next: result.checkpoint, endOfLog: result.endOfLog };
}
