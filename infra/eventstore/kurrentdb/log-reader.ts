import {
  BACKWARDS,
  END,
  FORWARDS,
  START,
  type Filter,
  type Position,
  type ReadStreamOptions as ClientReadStreamOptions,
} from '@kurrent/kurrentdb-client';
import type { ReadStreamOptions } from '../../ports/event-store';
import type { KurrentConnection } from './connection';
import { isStreamMissing } from './error-mapping';
import { userStreams } from './read-filter';
import { collectEvents, isSystemEvent, type PositionedEvent } from './recorded-event';

const headPageSize = 100;
const headMaxPages = 10;

/** The reads the store is built from, each one call of the client. */
export class LogReader {
  constructor(private readonly connection: KurrentConnection) {}

  /** A stream's events; none when the stream does not exist. */
  stream(streamId: string, options: ClientReadStreamOptions): Promise<PositionedEvent[]> {
    return this.connection.call(async (client) => {
      try {
        return await collectEvents(client.readStream(streamId, options));
      } catch (error) {
        if (isStreamMissing(error)) return [];
        throw error;
      }
    });
  }

  /** $all forwards from `from` inclusive, or backwards from before `from`; undefined is the start (end). */
  all(
    from: Position | undefined,
    maxCount: number,
    filter?: Filter,
    backwards = false,
  ): Promise<PositionedEvent[]> {
    const fromPosition = from ?? (backwards ? END : START);
    const direction = backwards ? BACKWARDS : FORWARDS;
    return this.connection.call((client) =>
      collectEvents(client.readAll({ fromPosition, direction, maxCount, filter })),
    );
  }

  /** The position of the last event of $all, system events included. */
  async lastPosition(): Promise<Position | undefined> {
    const [last] = await this.all(undefined, 1, undefined, true);
    return last?.position;
  }

  /** The last event that is not a system event. */
  async lastUserEvent(): Promise<PositionedEvent | undefined> {
    let before: Position | undefined;
    for (let page = 0; page < headMaxPages; page++) {
      const events = await this.all(before, headPageSize, userStreams(), true);
      const last = events.find((event) => !isSystemEvent(event));
      if (last || events.length < headPageSize) return last;
      before = events.at(-1)!.position;
    }
    return undefined;
  }

  /** The position of an appended event, for a write result that carries none. */
  async positionOf(streamId: string, revision: bigint): Promise<Position> {
    const [event] = await this.stream(streamId, { fromRevision: revision, maxCount: 1 });
    if (!event)
      throw new Error(`KurrentDB reported an append to ${streamId}@${revision} that cannot be read`);
    return event.position;
  }
}

/** The port's stream read options as the client's. */
export function toClientReadOptions(
  options: ReadStreamOptions,
  defaultLimit: number,
): ClientReadStreamOptions {
  const { fromRevision, limit = defaultLimit } = options;
  const backwards = options.direction === 'backwards';
  if (fromRevision !== undefined && (!Number.isSafeInteger(fromRevision) || fromRevision < 0)) {
    throw new RangeError(`fromRevision must be a non-negative integer, got ${fromRevision}`);
  }
  return {
    direction: backwards ? BACKWARDS : FORWARDS,
    fromRevision: fromRevision === undefined ? (backwards ? END : START) : BigInt(fromRevision),
    maxCount: limit,
  };
}
