import nodemailer, { type Transporter } from 'nodemailer';
import type { MailMessage, Mailer, SentMail } from '../../ports/mailer';

export type SmtpMailerOptions = {
  /** `smtp://host:port` (STARTTLS when offered) or `smtps://host:port`; credentials in the URL if any. */
  readonly url: string;
  /** The From header, e.g. `Booking Rush <tickets@booking-rush.local>`. */
  readonly from: string;
  /** Connect, greeting and socket timeouts, so one stuck server cannot hold a send for minutes. */
  readonly timeoutMs?: number;
};

/** Sends through an SMTP server with nodemailer (one pooled connection). */
export class SmtpMailer implements Mailer {
  private readonly transport: Transporter;

  constructor(private readonly options: SmtpMailerOptions) {
    const timeout = options.timeoutMs ?? 15_000;
    this.transport = nodemailer.createTransport(options.url, {
      pool: true,
      maxConnections: 1,
      connectionTimeout: timeout,
      greetingTimeout: timeout,
      socketTimeout: timeout,
    } as nodemailer.TransportOptions);
  }

  async send(message: MailMessage): Promise<SentMail> {
    await this.transport.sendMail({
      from: this.options.from,
      to: message.to.name ? { name: message.to.name, address: message.to.address } : message.to.address,
      subject: message.subject,
      html: message.html,
      text: message.text,
      messageId: message.messageId,
      attachments: (message.attachments ?? []).map((attachment) => ({
        filename: attachment.filename,
        content: attachment.content,
        contentType: attachment.contentType,
        ...(attachment.cid ? { cid: attachment.cid, contentDisposition: 'inline' as const } : {}),
      })),
    });
    return { messageId: message.messageId };
  }

  async close(): Promise<void> {
    this.transport.close();
  }
}
