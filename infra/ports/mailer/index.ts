export type { MailAddress, MailAttachment, MailMessage, Mailer, SentMail } from './mailer';
