import type { MailLocale, Money } from './notification-types';

/** Who gets a booking's e-mails. */
export type Recipient = { readonly email: string; readonly name: string; readonly locale: MailLocale };

/** The account of a user, or undefined when there is none (an adapter reads the identity streams). */
export type Recipients = { find(userId: string): Promise<Recipient | undefined> };

/** What a booking's e-mails tell about it, read when the mail is sent. */
export type BookingDetails = {
  readonly bookingId: string;
  readonly userId: string;
  readonly eventTitle: string;
  readonly venue: string | null;
  /** ISO 8601. */
  readonly showStartsAt: string;
  readonly zoneName: string;
  readonly quantity: number;
  readonly total: Money;
  readonly confirmationCode: string | null;
};

/** The booking with its event, show and zone, or undefined when the booking does not exist. */
export type BookingDirectory = { find(bookingId: string): Promise<BookingDetails | undefined> };

/** What the notification sender logs through (infra/logging's Logger fits). */
export type NotificationLogger = {
  info(message: string, meta?: Record<string, unknown>): void;
  warn(message: string, meta?: Record<string, unknown>): void;
  error(message: string, meta?: Record<string, unknown>): void;
};

export const silentNotificationLogger: NotificationLogger = { info() {}, warn() {}, error() {} };
