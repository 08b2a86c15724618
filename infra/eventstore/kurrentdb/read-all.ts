import type { Position } from '@kurrent/kurrentdb-client';
import {
  startOfLog,
  type Checkpoint,
  type ReadAllOptions,
  type ReadAllResult,
} from '../../ports/event-store';
import { formatKurrentCheckpoint, laterPosition, parseKurrentCheckpoint } from './checkpoint';
import type { LogReader } from './log-reader';
import { buildReadFilter } from './read-filter';
import { toRecordedEvent, type PositionedEvent } from './recorded-event';
import { scanAll } from './scan-all';

/** Pages one readAll call reads before it returns what the filters kept so far. */
const maxScanPages = 16;

/** The port's readAll: events after a checkpoint, filtered, from $all. */
export async function readAll(
  reader: LogReader,
  options: ReadAllOptions,
  defaultLimit: number,
): Promise<ReadAllResult> {
  const after = parseKurrentCheckpoint(options.after);
  const limit = options.limit ?? defaultLimit;
  if (!Number.isSafeInteger(limit) || limit < 1) {
    throw new RangeError(`limit must be a positive integer, got ${limit}`);
  }
  const filter = buildReadFilter(options.categories, options.types);
  // Read before the scan: see ScanOptions.lastBefore.
  const lastBefore = await reader.lastPosition();
  if (!filter) {
    return { events: [], checkpoint: toCheckpoint(laterPosition(after, lastBefore)), endOfLog: true };
  }
  const scan = await scanAll<PositionedEvent>((from, count) => reader.all(from, count, filter.server), {
    after,
    limit,
    lastBefore,
    keep: filter.keep,
    maxPages: maxScanPages,
  });
  return {
    events: scan.events.map(toRecordedEvent),
    checkpoint: toCheckpoint(scan.checkpoint),
    endOfLog: scan.endOfLog,
  };
}

function toCheckpoint(position: Position | undefined): Checkpoint {
  return position ? formatKurrentCheckpoint(position) : startOfLog;
}
