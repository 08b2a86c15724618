import type { ApiOperation } from '../../infra/http-edge';
import { QueueStatusQuery } from './queue-status-query';

const eventId = { id: { description: 'The event', format: 'uuid' } } as const;
const roomErrors = ['NOT_FOUND', 'QUEUE_NOT_ENABLED'] as const;
const limited =
  'Limited per account and per address (RATE_LIMITED with Retry-After). The status is private: ' +
  '`Cache-Control: private, no-cache`.';

/** What `waitingRoomRoutes` serves, for the OpenAPI document (mounted at the API's root). */
export const waitingRoomOperations: readonly ApiOperation[] = [
  {
    method: 'post',
    path: '/events/:id/queue',
    operationId: 'joinQueue',
    tag: 'Waiting room',
    summary: "Take a place in an event's waiting room",
    description:
      'One place per buyer: joining again (another tab or device) answers 200 with the same place. ' +
      'Joins from `preQueueOpensAt` until the sale starts go into the pre-queue, drawn in a verifiable ' +
      'random order when the sale starts; later joins queue first come, first served. Refused before ' +
      'the pre-queue opens (QUEUE_NOT_OPEN, `details.preQueueOpensAt`) and once every seat is taken ' +
      '(QUEUE_CLOSED). ' +
      limited,
    access: 'signed-in',
    params: eventId,
    responses: {
      201: { description: 'Joined: the buyer’s status', data: 'QueueStatus', headers: ['ETag', 'RateLimit'] },
      200: {
        description: 'Already in line: the buyer’s status',
        data: 'QueueStatus',
        headers: ['ETag', 'RateLimit'],
      },
    },
    errors: [...roomErrors, 'QUEUE_NOT_OPEN', 'QUEUE_CLOSED', 'RATE_LIMITED'],
  },
  {
    method: 'get',
    path: '/events/:id/queue',
    operationId: 'getQueueStatus',
    tag: 'Waiting room',
    summary: "The buyer's place in an event's waiting room",
    description:
      'Send the last ETag as If-None-Match: 304 while nothing changed. With it, `wait` (seconds, 0–30) ' +
      'holds the answer until the status changes or the time is up (a long poll): a change of `state` ' +
      'or `phase` answers at once, a step forward in line after `pollAfterSeconds`. Ask again after ' +
      '`pollAfterSeconds`. Once admitted, `pass.token` goes in the Queue-Pass header of POST /bookings. ' +
      limited,
    access: 'signed-in',
    params: eventId,
    query: QueueStatusQuery,
    headers: ['If-None-Match'],
    responses: {
      200: { description: 'The buyer’s status', data: 'QueueStatus', headers: ['ETag', 'RateLimit'] },
      304: { description: 'Unchanged since the ETag sent', empty: true, headers: ['ETag', 'RateLimit'] },
    },
    errors: [...roomErrors, 'RATE_LIMITED'],
  },
  {
    method: 'get',
    path: '/events/:id/queue/fairness',
    operationId: 'getQueueFairness',
    tag: 'Waiting room',
    summary: "The proof of the pre-queue's draw",
    description:
      'The seed’s commitment (published when the pre-queue opens), the seed (revealed by the draw), the ' +
      'pre-queue as recorded and the order drawn: anyone can check that SHA-256(seed) is the commitment ' +
      'and recompute the order with `algorithm`. Not for a draft event.',
    access: 'public',
    params: eventId,
    responses: { 200: { description: 'The draw and how to check it', data: 'QueueFairness' } },
    errors: [...roomErrors],
  },
  {
    method: 'get',
    path: '/events/:id/waiting-room',
    operationId: 'getWaitingRoomLiveView',
    tag: 'Waiting room',
    summary: 'The live view of a waiting room',
    description:
      'Settings, phase, the line, buyers inside and seats left, and how admission and the wait ' +
      'estimates went so far. Only the organizer who owns the event, or an admin.',
    access: ['organizer'],
    params: eventId,
    responses: { 200: { description: 'The room as it runs', data: 'RoomLiveView' } },
    errors: [...roomErrors],
  },
];
