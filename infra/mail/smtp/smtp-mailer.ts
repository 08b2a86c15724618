import { connect, type Socket } from 'node:net';
import nodemailer, { type Transporter } from 'nodemailer';
import { MailRefused, type MailMessage, type Mailer, type SentMail } from '../../ports/mailer';

export type SmtpMailerOptions = {
  /** `smtp://host:port` (STARTTLS when offered) or `smtps://host:port`; credentials in the URL if any. */
  readonly url: string;
  /** The From header, e.g. `Booking Rush <tickets@booking-rush.local>`. */
  readonly from: string;
  /** Connect, greeting and socket timeouts, so one stuck server cannot hold a send for minutes. */
  readonly timeoutMs?: number;
  /** SMTP connections kept open in the pool: how many messages are in flight at once (default 16). */
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

/** Host, port, TLS and credentials of an `smtp://` or `smtps://` URL (587 and 465 by default). */
function serverOf(url: string) {
  const parsed = new URL(url);
  const secure = parsed.protocol === 'smtps:';
  const user = decodeURIComponent(parsed.username);
  return {
    host: parsed.hostname,
    port: parsed.port ? Number(parsed.port) : secure ? 465 : 587,
    secure,
    ...(user ? { auth: { user, pass: decodeURIComponent(parsed.password) } } : {}),
  };
}

/**
 * Opens each pooled connection itself, with Nagle's algorithm off. SMTP is a conversation of short lines:
 * with Nagle on, the `.` that ends a message waited for the server's delayed ACK, about 40 ms per mail
 * and connection. nodemailer's pool only takes a socket that is already connected (`connection`); it
 * still upgrades it to TLS itself for `smtps://`.
 */
function connectWithoutDelay(timeoutMs: number) {
  return (
    options: { host?: string; port?: number },
    callback: (error: Error | null, socketOptions?: { connection: Socket }) => void,
  ): void => {
    const socket = connect({ host: options.host ?? 'localhost', port: options.port ?? 587, noDelay: true });
    const fail = (error: Error) => {
      socket.destroy();
      callback(error);
    };
    socket.setTimeout(timeoutMs, () =>
      fail(Object.assign(new Error('connection timeout'), { code: 'ETIMEDOUT' })),
    );
    socket.once('error', fail);
    socket.once('connect', () => {
      socket.setTimeout(0);
      socket.off('error', fail);
      callback(null, { connection: socket });
    });
  };
}

/**
 * Sends through an SMTP server with nodemailer: a pool of connections kept open, each carrying many
 * messages, so a burst of mails goes out at the server's pace rather than one connection per mail.
 */
export class SmtpMailer implements Mailer {
  private readonly transport: Transporter;

  constructor(private readonly options: SmtpMailerOptions) {
    const timeout = options.timeoutMs ?? 15_000;
    // Given a URL (as the first argument or as `url`), nodemailer takes every transport setting from the
    // URL alone: no pool, no timeouts. So the URL is taken apart here.
    this.transport = nodemailer.createTransport({
      ...serverOf(options.url),
      pool: true,
      maxConnections: options.connections ?? 16,
      maxMessages: 10_000,
      connectionTimeout: timeout,
      greetingTimeout: timeout,
      socketTimeout: timeout,
      getSocket: connectWithoutDelay(timeout),
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
