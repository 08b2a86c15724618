import type { ApiOperation } from '../../infra/http-edge';
import { streamIdRule } from '../../infra/ports/event-store';
import { EventFeedQuery, StreamEventsQuery } from './admin-queries';

const redaction =
  'Secret fields and secret-looking values (password hashes, tokens, card numbers) read `[REDACTED]`, in ' +
  'data and metadata; in the streams of credentials and sessions every text but ids, times and reasons does.';

/** What `adminEventRoutes` serves, for the OpenAPI document (mounted at the API root). */
export const adminEventOperations: readonly ApiOperation[] = [
  {
    method: 'get',
    path: '/admin/streams/:streamId',
    operationId: 'readAdminStream',
    tag: 'Admin',
    summary: "Read one stream's events",
    description:
      'The events of one stream in version order, straight from the event store: the source of truth, ' +
      "whatever the projections' lag. Pages start at `fromVersion` (default 0) and hold at most `limit` " +
      'events (default 100); `meta.next` is the `fromVersion` of the next page, null at the end. ' +
      redaction,
    access: ['admin'],
    params: {
      streamId: {
        description: 'The stream, `<category>-<id>` (e.g. `booking-<bookingId>`)',
        ...streamIdRule,
      },
    },
    query: StreamEventsQuery,
    responses: {
      200: { description: 'A page of the stream', data: ['StreamEventView'], meta: 'AdminStreamPageMeta' },
    },
    errors: ['NOT_FOUND'],
  },
  {
    method: 'get',
    path: '/admin/events',
    operationId: 'readAdminEventFeed',
    tag: 'Admin',
    summary: 'Read the global event feed',
    description:
      "Every stream's events in log order, after `after` (absent or empty: from the start), optionally " +
      'only some stream categories and event types (comma-separated or repeated). A page may hold fewer ' +
      'than `limit` events, even none, and still not be the last: pass `meta.next` as `after` until ' +
      '`meta.endOfLog`. ' +
      redaction,
    access: ['admin'],
    query: EventFeedQuery,
    responses: {
      200: { description: 'A page of the feed', data: ['FeedEventView'], meta: 'AdminFeedPageMeta' },
    },
    errors: [],
  },
];
