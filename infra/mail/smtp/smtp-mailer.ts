import nodemailer, { type Transporter } from 'nodemailer';
import { MailRefused, type MailMessage, type Mailer, type SentMail } from '../../ports/mailer';

export type SmtpMailerOptions = {
  /** `smtp://host:port` (STARTTLS when offered) or `smtps://host:port`; credentials in the URL if any. */
  readonly url: string;
  /** The From header, e.g. `Booking Rush <tickets@booking-rush.local>`. */
  readonly from: string;
  /** Connect, greeting and socket timeouts, so one stuck server cannot hold a send for minutes. */
  readonly timeoutMs?: number;
  /** SMTP connections kept open in the pool: how many messages are in flight at once (default 4). */
  readonly connections?: number;
};

/** nodemailer's error for a reply (`responseCode`) or an address it cannot use (`EENVELOPE`). */
type SendError = Error & { responseCode?: unknown; code?: unknown };

function asRefusal(error: unknown): unknown {
  const { responseCode, code, message } = error as SendError;
  if (typeof responseCode === 'number' && responseCode >= 400) {
    return new MailRefused(message, responseCode >= 500);
  }
  if (code === 'EENVELOPE') return new MailRefused(message, true);
  return error;
}

/**
 * Sends through an SMTP server with nodemailer: a pool of connections kept open, each carrying many
 * messages, so a burst of mails goes out at the server's pace rather than one connection per mail.
 */
export class SmtpMailer implements Mailer {
  private readonly transport: Transporter;

  constructor(private readonly options: SmtpMailerOptions) {
    const timeout = options.timeoutMs ?? 15_000;
    this.transport = nodemailer.createTransport(options.url, {
      pool: true,
      maxConnections: options.connections ?? 4,
      maxMessages: 10_000,
      connectionTimeout: timeout,
      greetingTimeout: timeout,
      socketTimeout: timeout,
    } as nodemailer.TransportOptions);
  }

  async send(message: MailMessage): Promise<SentMail> {
    await this.transport.sendMail(this.envelope(message)).catch((error: unknown) => {
      throw asRefusal(error);
    });
    return { messageId: message.messageId };
  }

  private envelope(message: MailMessage): nodemailer.SendMailOptions {
    return {
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
    };
  }

  async close(): Promise<void> {
    this.transport.close();
  }
}
