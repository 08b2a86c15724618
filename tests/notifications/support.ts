// Shared by the notification proofs: the whole process with the notifier loaded, a loopback SMTP server
// that keeps what it received, buyers registered with a locale, and the admin view of the notifications.
import { randomUUID } from 'node:crypto';
import type { ParsedMail } from 'mailparser';
import type { SignedIn } from '../../command-side/identity';
import { createTestMongoDatabase } from '../../infra/testing';
import { startSmtpTestServer, type SmtpTestServer } from '../../infra/mail/testing/smtp-test-server';
import { notificationsModule } from '../../infra/roles/modules/notifications-module';
import type { NotificationView } from '../../query-side/notifications';
import { openBookingApp, waitFor, type BookingApp, type Person } from '../booking/harness';
import { fastPayments, kafkaEnv } from '../payments/support';

/** `kafka`: Kafka as the bus with the documents in memory (a wave too large for FerretDB's unindexed stores). */
export type Setup = 'kafka-ferretdb' | 'kafka' | 'embedded';

export type NotifyingApp = BookingApp & {
  readonly smtp: SmtpTestServer;
  readonly admin: Person;
  /** A registered account (the notifier reads its address, name and locale). */
  buyer(options?: { locale?: 'en' | 'th'; acceptLanguage?: string }): Promise<Person & { email: string }>;
  /** Mails the SMTP server received about one booking. */
  mailsOf(bookingId: string): ParsedMail[];
  /** Waits until the server received `count` mails about the booking; returns them. */
  mailsWhen(bookingId: string, count: number): Promise<ParsedMail[]>;
  notifications(query?: Record<string, string>): Promise<NotificationView[]>;
  /** Waits until the booking's notification of `type` satisfies `done`. */
  notificationWhen(
    bookingId: string,
    type: string,
    done: (notification: NotificationView) => boolean,
  ): Promise<NotificationView>;
};

/** A FerretDB database of the test file's own, dropped on close. */
export const ownMongoDatabase = () => createTestMongoDatabase('notif');

export const messageIdOf = (mail: ParsedMail): string => `<${String(mail.messageId).replace(/^<|>$/g, '')}>`;

export async function openNotifyingApp(options: {
  setup: Setup;
  ttlSeconds?: number;
  env?: Record<string, string>;
}): Promise<NotifyingApp> {
  const smtp = await startSmtpTestServer();
  const mongo = options.setup === 'kafka-ferretdb' ? ownMongoDatabase() : undefined;
  const app = await openBookingApp({
    inventory: 'in-process',
    ttlSeconds: options.ttlSeconds,
    env: {
      ...(options.setup === 'embedded' ? {} : kafkaEnv()),
      ...(mongo ? { MONGO_URL: mongo.url } : {}),
      ...fastPayments,
      SMTP_URL: smtp.url,
      NOTIFICATION_SWEEP_INTERVAL_MS: '20',
      NOTIFICATION_RETRY_BASE_MS: '50',
      ...options.env,
    },
    modules: [notificationsModule],
  });
  const admin = await app.person('admin');
  const closeApp = app.close;

  const mailsOf = (bookingId: string) =>
    smtp.received.filter((mail) => messageIdOf(mail).includes(bookingId));
  const notifications = async (query: Record<string, string> = {}) => {
    const reply = await app.request<NotificationView[]>(
      'GET',
      `/admin/notifications?${new URLSearchParams(query)}`,
      { token: admin.token },
    );
    if (reply.status !== 200)
      throw new Error(`GET notifications: ${reply.status} ${JSON.stringify(reply.body)}`);
    return reply.body.data;
  };

  return Object.assign(app, {
    smtp,
    admin,
    async buyer({ locale, acceptLanguage }: { locale?: 'en' | 'th'; acceptLanguage?: string } = {}) {
      const email = `buyer-${randomUUID().slice(0, 8)}@example.test`;
      const reply = await app.request<SignedIn>('POST', '/auth/register', {
        body: {
          email,
          password: 'correct horse',
          name: locale === 'th' ? 'สมหญิง' : 'Ann',
          ...(locale ? { locale } : {}),
        },
        headers: acceptLanguage ? { 'accept-language': acceptLanguage } : {},
      });
      if (reply.status !== 201) throw new Error(`register: ${reply.status} ${JSON.stringify(reply.body)}`);
      return { userId: reply.body.data.user.id, token: reply.body.data.accessToken, email };
    },
    mailsOf,
    async mailsWhen(bookingId: string, count: number) {
      await waitFor(() => mailsOf(bookingId).length >= count, 20_000).catch((error: Error) => {
        throw new Error(`${error.message}: ${mailsOf(bookingId).length} of ${count} mails for ${bookingId}`);
      });
      return mailsOf(bookingId);
    },
    notifications,
    async notificationWhen(
      bookingId: string,
      type: string,
      done: (notification: NotificationView) => boolean,
    ) {
      let found: NotificationView | undefined;
      await waitFor(async () => {
        [found] = await notifications({ bookingId, type });
        return found !== undefined && done(found);
      }, 20_000).catch((error: Error) => {
        throw new Error(`${error.message}: ${type} of ${bookingId} is ${JSON.stringify(found)}`);
      });
      return found!;
    },
    async close() {
      await closeApp();
      await smtp.close();
      await mongo?.drop();
    },
  });
}
