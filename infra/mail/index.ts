export { SmtpMailer, type SmtpMailerOptions } from './smtp/smtp-mailer';
export { LogOnlyMailer, type MailLogger } from './log-only/log-only-mailer';
