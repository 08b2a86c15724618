export {
  MailRefused,
  type MailAddress,
  type MailAttachment,
  type MailMessage,
  type Mailer,
  type SentMail,
} from './mailer';
