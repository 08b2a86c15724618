import type { NotificationType } from './notification-types';

/**
 * The Message-ID of a booking's e-mail of one type: the same on every send, so a mail sent again after
 * a crash between the send and its record is recognisably the same mail to receivers that dedupe.
 */
export const notificationMessageId = (bookingId: string, type: NotificationType): string =>
  `<${type}.${bookingId}@notifications.booking-rush.local>`;

/** The document id of a booking's notification of one type (also its unique key). */
export const notificationId = (bookingId: string, type: NotificationType): string => `${bookingId}:${type}`;
