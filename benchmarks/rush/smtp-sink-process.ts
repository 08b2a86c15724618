// The expiry wave's loopback SMTP server, in a process of its own: tens of thousands of mails read in
// the harness would compete with its sampling and hide in its CPU row. It tells the parent, every
// 20 ms, the Message-IDs that arrived and when, and keeps nothing.
//
// `parse` (argument): infra/mail/testing's server, which parses every mail (about 1 ms of CPU each:
// near 1,000 mails/s it would limit what it measures). `headers` (default): the same SMTP server
// library with the same settings, reading only the Message-ID from the header block.
import { once } from 'node:events';
import { SMTPServer } from 'smtp-server';
import { startSmtpTestServer } from '../../infra/mail/testing/smtp-test-server';
import type { SinkMessage } from './smtp-sink';

const send = (message: SinkMessage) => process.send!(message);
const arrived: string[] = [];

/** The Message-ID header of a raw message (a folded header line included), or ''. */
function messageIdOf(raw: Buffer): string {
  const end = raw.indexOf('\r\n\r\n');
  const head = raw.toString('latin1', 0, end < 0 ? raw.length : end);
  return /^message-id:[ \t]*(?:\r\n[ \t]+)?(<[^>\r\n]*>)/im.exec(head)?.[1] ?? '';
}

async function headersServer(): Promise<{ url: string; close(): Promise<void> }> {
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, _session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        arrived.push(messageIdOf(Buffer.concat(chunks)));
        callback();
      });
    },
  });
  server.listen(0, '127.0.0.1');
  await once(server.server, 'listening');
  const { port } = server.server.address() as { port: number };
  return {
    url: `smtp://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

async function parsingServer(): Promise<{ url: string; close(): Promise<void> }> {
  const server = await startSmtpTestServer();
  // Moved out as they come, so the parsed mails are not kept.
  setInterval(() => {
    for (const mail of server.received.splice(0)) arrived.push(String(mail.messageId ?? ''));
  }, 5).unref();
  return server;
}

const server = process.argv[2] === 'parse' ? await parsingServer() : await headersServer();
const report = () => {
  if (arrived.length > 0) send({ type: 'mails', at: Date.now(), messageIds: arrived.splice(0) });
};
const timer = setInterval(report, 20);

process.on('message', (message: { type: 'close' }) => {
  if (message.type !== 'close') return;
  clearInterval(timer);
  report();
  void server.close().finally(() => process.disconnect());
});
send({ type: 'listening', url: server.url });
