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

export interface Mailer {
  /** Resolves once the mail server accepted the message; rejects when it refused or was unreachable. */
  send(message: MailMessage): Promise<SentMail>;
  close(): Promise<void>;
}
