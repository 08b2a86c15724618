import type { Checkpoint, EventStore, LogHead, RecordedEvent } from '../ports/event-store';

/** Where a follower of the log stands: the checkpoint it reads after, the position of the last event passed. */
export type LogCursor = { readonly checkpoint: Checkpoint; readonly position: number };

/** The part of the log a follower reads; absent fields read everything. */
export type LogFilter = { readonly categories?: readonly string[]; readonly types?: readonly string[] };

/**
 * How the next cursor's position is known:
 * - `events`: the last event read. Cheap; a filtered follower's position then lags the log's.
 * - `exact`: the head's as well, once a page that went past skipped events (or past nothing) ends at the
 *   head. One more call then, and only then.
 * - `with-head`: read the head with every page (a rebuild reports its progress against it).
 */
export type PositionRule = 'events' | 'exact' | 'with-head';

export type ReadPageOptions = {
  readonly limit: number;
  readonly filter?: LogFilter;
  readonly positions?: PositionRule;
};

export type Page = {
  readonly events: RecordedEvent[];
  /** Where the next read continues (the same checkpoint when nothing moved). */
  readonly next: LogCursor;
  /** True when the page went past `cursor.checkpoint`, with or without events. */
  readonly moved: boolean;
  /** True when nothing readable lay beyond `next` at the time of the read. */
  readonly endOfLog: boolean;
  /** The head, when it was read (`exact` at the end of a filtered page, `with-head` always). */
  readonly head?: LogHead;
};

/**
 * The one read of every follower of the log: the page after `cursor` and the cursor after it. What is
 * readable is the store's to say (its read horizon keeps a late commit from being skipped); this is
 * where a follower's checkpoint and position move, whatever it then does with the events.
 */
export async function readPage(
  store: EventStore,
  cursor: LogCursor,
  options: ReadPageOptions,
): Promise<Page> {
  const { limit, filter, positions = 'events' } = options;
  const page = await store.readAll({
    after: cursor.checkpoint,
    limit,
    ...(filter?.categories ? { categories: filter.categories } : {}),
    ...(filter?.types ? { types: filter.types } : {}),
  });
  const moved = page.checkpoint > cursor.checkpoint;
  const lastRead = Math.max(cursor.position, page.events.at(-1)?.position ?? 0);
  // A page that ends past events the filter skipped (or past nothing at all) says nothing about their
  // positions: the head does.
  const skipped = filter !== undefined || page.events.length === 0;
  const readHead = positions === 'with-head' || (positions === 'exact' && moved && page.endOfLog && skipped);
  const head = readHead ? await store.head() : undefined;
  const atHead = head !== undefined && page.endOfLog && page.checkpoint >= head.checkpoint;
  const position = atHead ? Math.max(lastRead, head.position) : lastRead;
  const next = { checkpoint: moved ? page.checkpoint : cursor.checkpoint, position };
  return { events: page.events, next, moved, endOfLog: page.endOfLog, ...(head ? { head } : {}) };
}
