export {
  isNotificationType,
  mailLocales,
  notificationStatuses,
  notificationTypes,
  type MailLocale,
  type Money,
  type NotificationFacts,
  type NotificationRequest,
  type NotificationStatus,
  type NotificationType,
} from './notification-types';
export { notificationOf } from './notification-of-event';
export { defaultNotificationRetry, notificationRetryDelayMs, type NotificationRetry } from './backoff';
export { notificationId, notificationMessageId } from './message-id';
export { formatDateTime, formatMoney, mailTimeZone } from './formatting';
export { MailTemplates, defaultTemplatesDir, type MailModel, type RenderedMail } from './mail-templates';
export { composeMail, mailModel, ticketQrCid } from './compose-mail';
export {
  NotificationRecords,
  notificationsCollection,
  type ClaimResult,
  type NotificationDocument,
  type RetryResult,
} from './notification-records';
export { NotificationSender, type Handled, type NotificationSenderDeps } from './notification-sender';
export { NotificationSweeper } from './notification-sweeper';
