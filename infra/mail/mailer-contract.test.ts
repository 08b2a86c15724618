import { describe } from 'node:test';
import { describeMailerContract } from '../ports/mailer/contract';
import { LogOnlyMailer } from './log-only/log-only-mailer';
import { SmtpMailer } from './smtp/smtp-mailer';
import { startSmtpTestServer } from './testing/smtp-test-server';

describe('Mailer contract: SMTP (nodemailer) against a loopback SMTP server', () => {
  describeMailerContract(async () => {
    const server = await startSmtpTestServer();
    const mailer = new SmtpMailer({ url: server.url, from: 'Booking Rush <tickets@booking-rush.test>' });
    return {
      mailer: {
        send: (message) => mailer.send(message),
        close: async () => {
          await mailer.close();
          await server.close();
        },
      },
      delivered: async () =>
        server.received.map((mail) => ({
          messageId: `<${String(mail.messageId).replace(/^<|>$/g, '')}>`,
          subject: mail.subject ?? '',
        })),
    };
  });
});

describe('Mailer contract: log only (embedded mode without SMTP_URL)', () => {
  describeMailerContract(async () => {
    const logged: Record<string, unknown>[] = [];
    const mailer = new LogOnlyMailer({ info: (_message, meta) => logged.push(meta ?? {}) });
    return {
      mailer,
      delivered: async () =>
        logged.map((meta) => ({ messageId: String(meta.messageId), subject: String(meta.subject) })),
    };
  });
});
