import type { ApiOperation } from '../../infra/http-edge';
import { EventInventoryQuery } from './event-inventory-query';

/** What `adminInventoryRoutes` serves, for the OpenAPI document (mounted at the API root). */
export const adminInventoryOperations: readonly ApiOperation[] = [
  {
    method: 'get',
    path: '/admin/inventory',
    operationId: 'checkEventInventory',
    tag: 'Admin',
    summary: "Compare an event's seat counters with the event store",
    description:
      'Every zone of the event: the seat counters the reservations are decided on, beside the held and ' +
      'confirmed seats the event store records. An event with no zones answers an empty list.',
    access: ['admin'],
    query: EventInventoryQuery,
    responses: { 200: { description: 'The zones of the event', data: ['AdminZoneInventoryResource'] } },
    errors: [],
  },
  {
    method: 'get',
    path: '/admin/inventory/:zoneId',
    operationId: 'checkZoneInventory',
    tag: 'Admin',
    summary: "Compare a zone's seat counters with the event store",
    access: ['admin'],
    params: { zoneId: { description: 'The zone' } },
    responses: { 200: { description: 'The zone', data: 'AdminInventoryResource' } },
    errors: ['ZONE_NOT_FOUND'],
  },
];
