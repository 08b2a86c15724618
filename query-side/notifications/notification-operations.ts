import type { ApiOperation } from '../../infra/http-edge';
import { NotificationListQuery } from './notification-list-query';

/** What `adminNotificationRoutes` serves, for the OpenAPI document (mounted at the API root). */
export const adminNotificationOperations: readonly ApiOperation[] = [
  {
    method: 'get',
    path: '/admin/notifications',
    operationId: 'listNotifications',
    tag: 'Admin',
    summary: 'List the e-mail notifications',
    description:
      'Newest first, one per booking and mail type, with its send state; a failed send is retried with ' +
      'backoff until it is sent or `failed`. Filter by status, booking and type; pass `meta.next` as ' +
      '`after` for older ones.',
    access: ['admin'],
    query: NotificationListQuery,
    responses: {
      200: {
        description: 'A page of notifications',
        data: ['NotificationView'],
        meta: 'NotificationPageMeta',
      },
    },
    errors: [],
  },
  {
    method: 'post',
    path: '/admin/notifications/:id/retry',
    operationId: 'retryNotification',
    tag: 'Admin',
    summary: 'Send a failed notification again',
    description:
      'Puts a `failed` notification back in the queue with a fresh round of attempts and answers it, ' +
      'now `pending`. 409 INVALID_STATE for one that has not failed.',
    access: ['admin'],
    params: { id: { description: 'The notification, `<bookingId>:<type>`' } },
    responses: { 200: { description: 'The notification, queued again', data: 'NotificationView' } },
    errors: ['NOT_FOUND', 'INVALID_STATE'],
  },
];
