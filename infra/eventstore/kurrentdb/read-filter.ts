import { eventTypeFilter, streamNameFilter, type Filter } from '@kurrent/kurrentdb-client';
import { categoryOf } from '../../ports/event-store';
import { isSystemEvent } from './recorded-event';

type FilterableEvent = { readonly streamId: string; readonly type: string };

/**
 * How one readAll call filters $all: the server can filter on stream name or on event type, not both,
 * so categories (as the stream-name prefix `<category>-`) go to the server and types are checked here;
 * types alone go to the server as an exact-match regex. `keep` also drops system events.
 */
export type ReadFilter = { readonly server: Filter; readonly keep: (event: FilterableEvent) => boolean };

/** Events of user streams only: stream names that do not start with `$`. */
export const userStreams = (): Filter => streamNameFilter({ regex: '^[^$]' });

/** The filter for these options, or undefined when an empty list leaves nothing to read. */
export function buildReadFilter(
  categories: readonly string[] | undefined,
  types: readonly string[] | undefined,
): ReadFilter | undefined {
  if (categories?.length === 0 || types?.length === 0) return undefined;
  const categorySet = categories && new Set(categories);
  const typeSet = types && new Set(types);
  const keep = (event: FilterableEvent) =>
    !isSystemEvent(event) &&
    (!categorySet || categorySet.has(categoryOf(event.streamId))) &&
    (!typeSet || typeSet.has(event.type));
  if (categories)
    return { server: streamNameFilter({ prefixes: categories.map((category) => `${category}-`) }), keep };
  if (types) return { server: eventTypeFilter({ regex: `^(?:${types.map(escapeRegex).join('|')})$` }), keep };
  return { server: userStreams(), keep };
}

/** Escapes regex syntax; the server evaluates the pattern as a .NET regex, which shares these. */
export function escapeRegex(text: string): string {
  return text.replace(/[\\^$.|?*+()[\]{}-]/g, '\\$&');
}
