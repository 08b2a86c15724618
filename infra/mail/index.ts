export { SmtpMailer, type SmtpMailerOptions } from './smtp/smtp-mailer';
export { LogOnlyMailer } from './log-only/log-only-mailer';
