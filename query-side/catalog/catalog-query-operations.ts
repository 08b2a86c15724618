import type { ApiOperation } from '../../infra/http-edge';
import { ListEventsQuery } from './list-events-query';
import { OwnEventsQuery } from './own-events-query';

/** Not a uuid format: the event's routes share `:id`, and these take the slug too. */
const eventIdOrSlug = { id: { description: "The event's id or its slug" } } as const;
const drafts =
  'A draft is visible only to its organizer and admins (404 to anyone else); published and cancelled ' +
  'events are public.';

/** What `catalogQueryRoutes` serves, for the OpenAPI document (mounted at the API's root). */
export const catalogQueryOperations: readonly ApiOperation[] = [
  {
    method: 'get',
    path: '/events',
    operationId: 'listEvents',
    tag: 'Catalog',
    summary: 'Published events, soonest first',
    description:
      '`search` matches the name, description or venue (any part, any case); `category` matches a ' +
      'category in any case. Pages of `pageSize` (default 20, at most 100) from `page` 1. Read from the ' +
      'read models, so a write shows here a moment later.',
    access: 'public',
    query: ListEventsQuery,
    responses: { 200: { description: 'One page of events', data: ['EventSummary'], meta: 'PageMeta' } },
    errors: [],
  },
  {
    method: 'get',
    path: '/categories',
    operationId: 'listCategories',
    tag: 'Catalog',
    summary: 'Categories of published events, with how many each has',
    description:
      "For the event list's filter, in alphabetical order. Spellings that differ only in case are one " +
      'category. Takes no parameters.',
    access: 'public',
    responses: { 200: { description: 'Every category', data: ['CategoryCount'] } },
    errors: [],
  },
  {
    method: 'get',
    path: '/organizer/events',
    operationId: 'listOwnEvents',
    tag: 'Catalog',
    summary: "The organizer's events, of any status",
    description:
      'Newest created first, filtered by `status`; the same paging as GET /events. An admin sees every ' +
      "organizer's events.",
    access: ['organizer'],
    query: OwnEventsQuery,
    responses: { 200: { description: 'One page of events', data: ['EventSummary'], meta: 'PageMeta' } },
    errors: [],
  },
  {
    method: 'get',
    path: '/events/:id',
    operationId: 'getEvent',
    tag: 'Catalog',
    summary: 'One event with its shows and zones',
    description:
      'Shows in start order, zones in creation order, each zone with the seats still `available` (live). ' +
      drafts,
    access: 'public',
    params: eventIdOrSlug,
    responses: { 200: { description: 'The event', data: 'EventWithAvailability' } },
    errors: ['NOT_FOUND'],
  },
  {
    method: 'get',
    path: '/events/:id/shows',
    operationId: 'listEventShows',
    tag: 'Catalog',
    summary: "An event's shows with their zones",
    description: 'The `shows` of GET /events/{id}. ' + drafts,
    access: 'public',
    params: eventIdOrSlug,
    responses: { 200: { description: 'The shows, in start order', data: ['ShowWithAvailability'] } },
    errors: ['NOT_FOUND'],
  },
  {
    method: 'get',
    path: '/shows/:id/zones',
    operationId: 'listShowZones',
    tag: 'Catalog',
    summary: "A show's zones with the seats still available",
    description: 'In creation order; `available` is live. ' + drafts,
    access: 'public',
    params: { id: { description: 'The show', format: 'uuid' } },
    responses: { 200: { description: 'The zones', data: ['ZoneWithAvailability'] } },
    errors: ['NOT_FOUND'],
  },
];
