import type { ApiOperation } from '../../infra/http-edge';
import { ListBookingsQuery } from './list-bookings-query';

const lapsedHolds =
  'A hold past its `expiresAt` reads as `expired` at once, even before the sweeper records it.';

/** What `bookingQueryRoutes` serves, for the OpenAPI document (mounted at the API root). */
export const bookingQueryOperations: readonly ApiOperation[] = [
  {
    method: 'get',
    path: '/bookings',
    operationId: 'listMyBookings',
    tag: 'Bookings',
    summary: 'Your bookings, newest first',
    description:
      'Paged (`page` from 1, `pageSize` 1–100, default 20); `meta` counts every booking that matches. ' +
      '`status` filters by the status shown: `reserved` means live holds, `expired` includes holds past ' +
      `their expiry. ${lapsedHolds} Read from a projection: a booking written a moment ago may be missing ` +
      'for a moment; GET /bookings/{id} always has it.',
    access: 'signed-in',
    query: ListBookingsQuery,
    responses: { 200: { description: 'One page of bookings', data: ['BookingView'], meta: 'PageMeta' } },
    errors: [],
  },
  {
    method: 'get',
    path: '/bookings/pending',
    operationId: 'listMyPendingBookings',
    tag: 'Bookings',
    summary: 'Your live holds awaiting payment',
    description: 'Holds not yet past their expiry, the one expiring soonest first. Not paged.',
    access: 'signed-in',
    responses: { 200: { description: 'The live holds', data: ['BookingView'] } },
    errors: [],
  },
  {
    method: 'get',
    path: '/bookings/:id',
    operationId: 'getBooking',
    tag: 'Bookings',
    summary: 'One booking',
    description:
      'Read from its own events, so it shows right after a write. Its owner and admins see it; to ' +
      `anyone else it does not exist (404). Once confirmed it carries \`confirmationCode\` and \`ticket\`. ${lapsedHolds}`,
    access: 'signed-in',
    params: { id: { description: 'The booking', format: 'uuid' } },
    responses: { 200: { description: 'The booking', data: 'BookingView' } },
    errors: ['NOT_FOUND'],
  },
];
