import type { ApiOperation } from '../../infra/http-edge';
import {
  AddShowDto,
  AddZoneDto,
  CancelEventDto,
  ConfigureWaitingRoomDto,
  CreateEventDto,
  UpdateEventDto,
  UpdateShowDto,
  UpdateZoneDto,
} from './dtos';

const eventId = { id: { description: 'The event', format: 'uuid' } } as const;
const showId = { id: { description: 'The show', format: 'uuid' } } as const;
const zoneId = { id: { description: 'The zone', format: 'uuid' } } as const;
const organizer = ['organizer'] as const;
const ownerOnly =
  'Only the organizer who owns the event, or an admin, may change it; a cancelled event no longer changes.';

/** Every catalog write is one decision on the event's stream, retried a few times on a concurrent write. */
const eventChangeErrors = ['NOT_FOUND', 'INVALID_STATE', 'CONCURRENCY_CONFLICT'] as const;

const roomAction = (action: 'pause' | 'resume'): ApiOperation => ({
  method: 'post',
  path: `/events/:id/waiting-room/${action}`,
  operationId: action === 'pause' ? 'pauseAdmission' : 'resumeAdmission',
  tag: 'Waiting room',
  summary: action === 'pause' ? 'Pause admission from the waiting room' : 'Resume admission',
  description:
    (action === 'pause'
      ? 'Nobody more is let in until resumed; the line keeps its order and still takes joins. '
      : 'Admission goes on from where the line stood. ') +
    'Doing it twice changes nothing. Takes no body. 409 INVALID_STATE when the event has no room. ' +
    ownerOnly,
  access: organizer,
  params: eventId,
  responses: { 200: { description: "The room's settings", data: 'WaitingRoomResource' } },
  errors: eventChangeErrors,
});

/** What `catalogCommandRoutes` serves, for the OpenAPI document (mounted at the API's root). */
export const catalogCommandOperations: readonly ApiOperation[] = [
  {
    method: 'post',
    path: '/events',
    operationId: 'createEvent',
    tag: 'Catalog',
    summary: 'Create an event (a draft)',
    description:
      'The event starts as a draft the public cannot see; add shows and zones, then publish it. The slug ' +
      'comes from the name (made unique) and never changes. `saleEndsAt` defaults to `startsAt`, ' +
      '`maxTicketsPerUser` to 4 (at most 10). `startsAt` is in the future and saleStartsAt < saleEndsAt ≤ ' +
      'startsAt.',
    access: organizer,
    body: CreateEventDto,
    responses: { 201: { description: 'The event, a draft', data: 'EventResource' } },
    errors: ['CONCURRENCY_CONFLICT'],
  },
  {
    method: 'put',
    path: '/events/:id',
    operationId: 'updateEvent',
    tag: 'Catalog',
    summary: 'Change an event',
    description:
      'Any subset of the create fields; `category: null` clears it. Fields equal to the current ones ' +
      'change nothing. The schedule must stay coherent with the shows. ' +
      ownerOnly,
    access: organizer,
    params: eventId,
    body: UpdateEventDto,
    responses: { 200: { description: 'The event', data: 'EventResource' } },
    errors: eventChangeErrors,
  },
  {
    method: 'post',
    path: '/events/:id/publish',
    operationId: 'publishEvent',
    tag: 'Catalog',
    summary: 'Publish a draft event',
    description:
      'The event becomes public and its seats go on sale at `saleStartsAt`. Needs at least one show ' +
      'with a zone; only a draft can be published (else 409 INVALID_STATE). Takes no body. ' +
      ownerOnly,
    access: organizer,
    params: eventId,
    responses: { 200: { description: 'The event, published', data: 'EventResource' } },
    errors: eventChangeErrors,
  },
  {
    method: 'post',
    path: '/events/:id/cancel',
    operationId: 'cancelEvent',
    tag: 'Catalog',
    summary: 'Cancel an event',
    description:
      'Final: the event stays visible as cancelled; its holds end and its confirmed bookings are refunded ' +
      'in full, shortly after. ' +
      'The body (an optional `reason`) may be left out. ' +
      ownerOnly,
    access: organizer,
    params: eventId,
    body: CancelEventDto,
    responses: { 200: { description: 'The event, cancelled', data: 'EventResource' } },
    errors: eventChangeErrors,
  },
  {
    method: 'put',
    path: '/events/:id/waiting-room',
    operationId: 'configureWaitingRoom',
    tag: 'Waiting room',
    summary: "Set up or change an event's waiting room",
    description:
      'Any subset of the settings; left out, a setting keeps its value (the first time: enabled, the ' +
      'pre-queue opening an hour before `saleStartsAt`, 600 admitted a minute, 1000 inside, passes of ' +
      '300 s). Changes apply live. Bounds: admissionPerMinute and maxInside 1–100000, ' +
      'passLifetimeSeconds 30–3600; the pre-queue cannot open after the sale starts. ' +
      ownerOnly,
    access: organizer,
    params: eventId,
    body: ConfigureWaitingRoomDto,
    responses: { 200: { description: "The room's settings", data: 'WaitingRoomResource' } },
    errors: eventChangeErrors,
  },
  roomAction('pause'),
  roomAction('resume'),
  {
    method: 'post',
    path: '/events/:id/shows',
    operationId: 'addShow',
    tag: 'Catalog',
    summary: 'Add a show to an event',
    description:
      'A show starts in the future, not before the event starts. It has no zones yet. ' + ownerOnly,
    access: organizer,
    params: eventId,
    body: AddShowDto,
    responses: { 201: { description: 'The show, without zones', data: 'ShowResource' } },
    errors: eventChangeErrors,
  },
  {
    method: 'put',
    path: '/shows/:id',
    operationId: 'updateShow',
    tag: 'Catalog',
    summary: 'Rename or move a show',
    description:
      'A new name (`null` clears it), a new start, or both; at least one. A show that has begun no ' +
      'longer changes (409 INVALID_STATE). The refund policy of its bookings follows the new start. ' +
      ownerOnly,
    access: organizer,
    params: showId,
    body: UpdateShowDto,
    responses: { 200: { description: 'The show', data: 'ShowSummary' } },
    errors: eventChangeErrors,
  },
  {
    method: 'post',
    path: '/shows/:id/zones',
    operationId: 'addZone',
    tag: 'Catalog',
    summary: 'Add a seating zone to a show',
    description:
      'A zone is a number of seats at one price, in minor units of `currency` (150000 = 1,500.00). ' +
      ownerOnly,
    access: organizer,
    params: showId,
    body: AddZoneDto,
    responses: { 201: { description: 'The zone', data: 'ZoneResource' } },
    errors: eventChangeErrors,
  },
  {
    method: 'put',
    path: '/zones/:id',
    operationId: 'updateZone',
    tag: 'Catalog',
    summary: "Change a zone's price or capacity",
    description:
      'A new price, a new capacity, or both. On a published event the capacity cannot go below the ' +
      'seats already held or sold (409 INVALID_STATE). ' +
      ownerOnly,
    access: organizer,
    params: zoneId,
    body: UpdateZoneDto,
    responses: { 200: { description: 'The zone', data: 'ZoneResource' } },
    errors: ['ZONE_NOT_FOUND', ...eventChangeErrors],
  },
];
