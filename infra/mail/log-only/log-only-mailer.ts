import type { Logger } from '../../ports/logger';
import type { MailMessage, Mailer, SentMail } from '../../ports/mailer';

/**
 * The embedded mode's mailer when no SMTP_URL is set: it logs who would get which mail and sends
 * nothing. Logged rather than stored: the notification documents already record what was "sent" and
 * when, and a second copy of every body and QR image would only grow the in-memory store.
 */
export class LogOnlyMailer implements Mailer {
  constructor(private readonly logger: Pick<Logger, 'info'>) {}

  async send(message: MailMessage): Promise<SentMail> {
    this.logger.info('mail not sent (no SMTP_URL): logged only', {
      to: message.to.address,
      subject: message.subject,
      messageId: message.messageId,
      attachments: (message.attachments ?? []).map((attachment) => attachment.filename),
    });
    return { messageId: message.messageId };
  }

  async close(): Promise<void> {}
}
