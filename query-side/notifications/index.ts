export { adminNotificationOperations } from './notification-operations';
export { adminNotificationRoutes, type RetryNotification } from './notification-routes';
export {
  NotificationReads,
  type NotificationFilter,
  type NotificationPage,
  type NotificationPageMeta,
  type NotificationView,
} from './notification-reads';
export {
  NotificationListQuery,
  defaultNotificationLimit,
  maxNotificationLimit,
  notificationStatusFilter,
  type NotificationStatusName,
} from './notification-list-query';
export {
  decodeNotificationCursor,
  encodeNotificationCursor,
  type NotificationCursor,
} from './notification-cursor';
