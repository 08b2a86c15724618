import type { ServiceIdentifier } from 'inversify';
import type { NotificationRecords, NotificationSender } from '../../../sagas/notifications';
import type { Mailer } from '../../ports/mailer';

/** What the notifications module binds. */
export const NotificationTokens = {
  /** SMTP when `SMTP_URL` is set; else a mailer that only logs (embedded mode). */
  Mailer: Symbol('Mailer') as ServiceIdentifier<Mailer>,
  Records: Symbol('NotificationRecords') as ServiceIdentifier<NotificationRecords>,
  Sender: Symbol('NotificationSender') as ServiceIdentifier<NotificationSender>,
} as const;
