export { adminNotificationRoutes, type RetryNotification } from './notification-routes';
export {
  NotificationReads,
  type NotificationFilter,
  type NotificationPage,
  type NotificationView,
} from './notification-reads';
export {
  NotificationListQuery,
  defaultNotificationLimit,
  maxNotificationLimit,
  notificationStatusFilter,
} from './notification-list-query';
export {
  decodeNotificationCursor,
  encodeNotificationCursor,
  type NotificationCursor,
} from './notification-cursor';
