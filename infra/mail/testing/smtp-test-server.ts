// A real SMTP server on loopback for tests: it keeps what it received, parsed, and can refuse mail.
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export type SmtpTestServer = {
  /** `smtp://127.0.0.1:<port>`. */
  readonly url: string;
  readonly received: ParsedMail[];
  /**
   * While set, every message is refused at DATA with this reply; its leading code is the reply code
   * (`451 …` a temporary failure, `550 …` a permanent one; 451 when it has none).
   */
  refuseWith(reason: string | undefined): void;
  /** How many messages were refused so far. */
  readonly refused: () => number;
  close(): Promise<void>;
};

export async function startSmtpTestServer(): Promise<SmtpTestServer> {
  const received: ParsedMail[] = [];
  let refusal: string | undefined;
  let refusedCount = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, _session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        if (refusal) {
          refusedCount += 1;
          const responseCode = Number(/^([45]\d\d)\b/.exec(refusal)?.[1] ?? 451);
          const error = Object.assign(new Error(refusal), { responseCode });
          callback(error);
          return;
        }
        simpleParser(Buffer.concat(chunks)).then(
          (mail) => {
            received.push(mail);
            callback();
          },
          (error: Error) => callback(error),
        );
      });
    },
  });
  server.listen(0, '127.0.0.1');
  await once(server.server, 'listening');
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    refuseWith: (reason) => {
      refusal = reason;
    },
    refused: () => refusedCount,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
