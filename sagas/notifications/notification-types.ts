/** The e-mails a booking can cause; each is sent at most once per booking. */
export const notificationTypes = [
  'booking-confirmed',
  'payment-receipt',
  'hold-expired',
  'booking-cancelled',
  'booking-refunded',
] as const;
export type NotificationType = (typeof notificationTypes)[number];

export const isNotificationType = (value: unknown): value is NotificationType =>
  typeof value === 'string' && (notificationTypes as readonly string[]).includes(value);

/** Languages the templates are written in. */
export const mailLocales = ['en', 'th'] as const;
export type MailLocale = (typeof mailLocales)[number];

export const notificationStatuses = ['pending', 'sent', 'failed'] as const;
export type NotificationStatus = (typeof notificationStatuses)[number];

/** Money in minor units of `currency`, as the events carry it. */
export type Money = { readonly amount: number; readonly currency: string };

/** What one e-mail is about: the booking, the type, and the facts only the causing event knows. */
export type NotificationRequest = {
  readonly bookingId: string;
  readonly type: NotificationType;
  /** The integration event that caused it (for tracing; dedupe is by booking and type). */
  readonly sourceEventId: string;
  readonly facts: NotificationFacts;
};

export type NotificationFacts = {
  readonly confirmationCode?: string;
  readonly paymentId?: string;
  /** The amount paid (receipt) or refunded (refund); what is owed back (cancel). */
  readonly money?: Money;
  readonly reason?: string | null;
  /** When it happened, ISO 8601. */
  readonly at: string;
};
