import { jsonEvent, type EventData, type JSONType } from '@kurrent/kurrentdb-client';
import { InvalidEventError, type NewEvent } from '../../ports/event-store';

export type EncodedEvents = { readonly eventIds: string[]; readonly eventData: EventData[] };

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
// a \u0000 escape that is not itself an escaped backslash followed by 'u0000'
const escapedNul = /(?:^|[^\\])(?:\\\\)*\\u0000/;

/**
 * The events as the client sends them: JSON, the port's id as the event id, and the metadata with
 * `eventId` set. Rejects what any adapter of the port would reject, so that an event stored here can
 * move to the PostgreSQL store (which cannot hold the NUL character) and back.
 */
export function encodeEvents(events: readonly NewEvent[], newId: () => string): EncodedEvents {
  const eventIds: string[] = [];
  const eventData: EventData[] = [];
  for (const event of events) {
    const id = event.id ?? newId();
    if (!uuidPattern.test(id)) throw new InvalidEventError(`event id ${JSON.stringify(id)} is not a uuid`);
    if (eventIds.some((other) => other.toLowerCase() === id.toLowerCase())) {
      throw new InvalidEventError(`event id ${id} appears twice in one append`);
    }
    const metadata = { ...event.metadata, eventId: id };
    let json: string;
    try {
      json = JSON.stringify([event.data, metadata]);
    } catch (error) {
      throw new InvalidEventError(`data is not serialisable as JSON (${(error as Error).message})`);
    }
    if (escapedNul.test(json)) throw new InvalidEventError('strings may not contain the NUL character');
    eventIds.push(id);
    eventData.push(jsonEvent({ id, type: event.type, data: event.data as JSONType, metadata }));
  }
  return { eventIds, eventData };
}
