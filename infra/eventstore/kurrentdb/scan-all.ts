import type { Position } from '@kurrent/kurrentdb-client';
import { comparePositions, laterPosition } from './checkpoint';

/** Reads up to `count` server-filtered events of $all forwards from `from` inclusive (undefined: the start). */
export type ReadAllPage<E> = (from: Position | undefined, count: number) => Promise<E[]>;

export type ScanOptions<E> = {
  /** Exclusive start; undefined for the start of the log. */
  readonly after: Position | undefined;
  readonly limit: number;
  /**
   * The last position of $all, read before the scan began. When the scan reaches the end of the log,
   * the checkpoint moves there even if the filters kept nothing: every event up to it was scanned. A
   * position read after the scan could hide an event appended in between.
   */
  readonly lastBefore: Position | undefined;
  /** The client-side part of the filter. */
  readonly keep: (event: E) => boolean;
  /** Pages read before returning what was kept so far, so a rare client-side match cannot stall a call. */
  readonly maxPages: number;
};

export type ScanResult<E> = {
  readonly events: E[];
  readonly checkpoint: Position | undefined;
  readonly endOfLog: boolean;
};

/** One readAll call of the port: pages through $all until `limit` events are kept or the log ends. */
export async function scanAll<E extends { readonly position: Position }>(
  readPage: ReadAllPage<E>,
  options: ScanOptions<E>,
): Promise<ScanResult<E>> {
  const events: E[] = [];
  let cursor = options.after;
  for (let page = 0; page < options.maxPages; page++) {
    // Reads are inclusive: ask for one more so that the event at the cursor does not shorten the page.
    const count = options.limit - events.length + (cursor ? 1 : 0);
    const batch = await readPage(cursor, count);
    let scanned = cursor;
    for (const event of batch) {
      if (cursor && comparePositions(event.position, cursor) <= 0) continue;
      scanned = event.position;
      if (!options.keep(event)) continue;
      events.push(event);
      if (events.length === options.limit) return { events, checkpoint: event.position, endOfLog: false };
    }
    if (batch.length < count) {
      return { events, checkpoint: laterPosition(scanned, options.lastBefore), endOfLog: true };
    }
    cursor = scanned;
  }
  return { events, checkpoint: cursor, endOfLog: false };
}
