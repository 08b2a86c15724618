import { InvalidEventError, InvalidStreamNameError } from './errors';
import type { NewEvent } from './event-store';

const maxStreamIdLength = 200;
const categoryPattern = /^[a-z][A-Za-z0-9]{0,49}$/;
const idPattern = /^[\x21-\x7e]+$/; // printable ASCII, no spaces or control characters
const typePattern = /^[A-Za-z][A-Za-z0-9_.:-]{0,99}$/;
const unanchored = (pattern: RegExp) => pattern.source.slice(1, -1);

/** The rules of `assertValidStreamId` as one pattern and a length, for the API's description of a stream name. */
export const streamIdRule = {
  pattern: `^${unanchored(categoryPattern)}-${unanchored(idPattern)}$`,
  maxLength: maxStreamIdLength,
} as const;

/** `booking` for `booking-7f3…`; streams are named `<category>-<id>` (ARCHITECTURE.md). */
export function categoryOf(streamId: string): string {
  const dash = streamId.indexOf('-');
  return dash < 0 ? streamId : streamId.slice(0, dash);
}

export function assertValidStreamId(streamId: string): void {
  if (typeof streamId !== 'string' || streamId.length === 0) {
    throw new InvalidStreamNameError(String(streamId), 'must be a non-empty string');
  }
  if (streamId.length > maxStreamIdLength) {
    throw new InvalidStreamNameError(streamId, `longer than ${maxStreamIdLength} characters`);
  }
  const dash = streamId.indexOf('-');
  if (dash < 0) throw new InvalidStreamNameError(streamId, 'must look like <category>-<id>');
  if (!categoryPattern.test(streamId.slice(0, dash))) {
    throw new InvalidStreamNameError(
      streamId,
      'category must start with a lower-case letter and be alphanumeric',
    );
  }
  if (!idPattern.test(streamId.slice(dash + 1))) {
    throw new InvalidStreamNameError(streamId, 'id must be printable ASCII without spaces');
  }
}

export function assertValidEvents(events: readonly NewEvent[]): void {
  if (!Array.isArray(events) || events.length === 0) throw new InvalidEventError('append at least one event');
  for (const event of events) {
    if (!typePattern.test(event.type)) throw new InvalidEventError(`bad type ${JSON.stringify(event.type)}`);
    if (event.data === undefined || event.data === null || typeof event.data !== 'object') {
      throw new InvalidEventError(`data of ${event.type} must be a JSON object`);
    }
  }
}
