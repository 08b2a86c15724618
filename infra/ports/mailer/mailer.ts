/** Outgoing e-mail: the narrow port the notification sender needs. Adapters: SMTP, and a log-only one. */

export type MailAddress = { readonly name?: string; readonly address: string };

export type MailAttachment = {
  readonly filename: string;
  readonly content: Buffer;
  readonly contentType: string;
  /** Referenced from the HTML as `cid:<cid>` (inline); absent for a plain attachment. */
  readonly cid?: string;
};

export type MailMessage = {
  readonly to: MailAddress;
  readonly subject: string;
  readonly html: string;
  readonly text: string;
  /**
   * The Message-ID header, angle brackets included. Callers derive it from what the mail is about, so a
   * mail sent again after a crash carries the same id and receivers can drop the copy.
   */
  readonly messageId: string;
  readonly attachments?: readonly MailAttachment[];
};

export type SentMail = { readonly messageId: string };

/**
 * The mail server answered the message with a refusal. `permanent` (a 5xx reply, or an address it can
 * never accept) means sending it again will not help; a 4xx is a temporary refusal worth retrying.
 */
export class MailRefused extends Error {
  constructor(
    message: string,
    readonly permanent: boolean,
  ) {
    super(message);
    this.name = 'MailRefused';
  }
}

export interface Mailer {
  /**
   * Resolves once the mail server accepted the message; rejects with `MailRefused` when the server refused
   * it, with any other error when it could not be reached.
   */
  send(message: MailMessage): Promise<SentMail>;
  close(): Promise<void>;
}
