import type { ExpectedState, NewEvent } from '../../ports/event-store';
import { InvalidEventError } from '../../ports/event-store';

/** One stream append, serialised once at submit time so a bad payload fails only its own caller. */
export type EncodedAppend = {
  readonly streamId: string;
  readonly category: string;
  readonly expected: ExpectedState;
  readonly eventIds: string[];
  readonly json: string;
};

// a \u0000 escape that is not itself an escaped backslash followed by 'u0000'
const escapedNul = /(?:^|[^\\])(?:\\\\)*\\u0000/;
const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function encodeAppend(
  streamId: string,
  category: string,
  events: readonly NewEvent[],
  expected: ExpectedState,
  newId: () => string,
): EncodedAppend {
  if (typeof expected === 'number' && (!Number.isSafeInteger(expected) || expected < 0)) {
    throw new InvalidEventError(`expected revision must be a non-negative integer, got ${expected}`);
  }
  const eventIds: string[] = [];
  let callerChoseIds = false;
  const encodedEvents = events.map((event) => {
    callerChoseIds ||= event.id !== undefined;
    const id = event.id ?? newId();
    if (!uuidPattern.test(id)) throw new InvalidEventError(`event id ${JSON.stringify(id)} is not a uuid`);
    eventIds.push(id);
    return { i: id, t: event.type, d: event.data, m: { ...event.metadata, eventId: id } };
  });
  let json: string;
  try {
    // "k" tells the append function a retry may be a duplicate; generated ids never are.
    json = JSON.stringify({
      s: streamId,
      c: category,
      e: String(expected),
      k: callerChoseIds ? 1 : undefined,
      ev: encodedEvents,
    });
  } catch (error) {
    throw new InvalidEventError(`data is not serialisable as JSON (${(error as Error).message})`);
  }
  // PostgreSQL jsonb cannot store the NUL character; reject it here rather than fail the whole batch.
  if (escapedNul.test(json)) throw new InvalidEventError('strings may not contain the NUL character');
  return { streamId, category, expected, eventIds, json };
}
