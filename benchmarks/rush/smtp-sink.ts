import { startNodeChild } from '../load/child-process';

/** What the SMTP sink process tells the harness. */
export type SinkMessage =
  | { readonly type: 'listening'; readonly url: string }
  /** Mails that arrived since the last report; `at`: epoch ms when they were reported (≤ 20 ms late). */
  | { readonly type: 'mails'; readonly at: number; readonly messageIds: readonly string[] };

/** One mail the server accepted: when (epoch ms) and its Message-ID with angle brackets. */
export type Arrival = { readonly at: number; readonly messageId: string };

export type SmtpSink = {
  /** `smtp://127.0.0.1:<port>`. */
  readonly url: string;
  readonly pid: number;
  /** Every mail so far, in order of arrival. */
  readonly arrivals: readonly Arrival[];
  close(): Promise<void>;
};

const bracketed = (id: string) => `<${id.replace(/^<|>$/g, '')}>`;

/**
 * How the sink reads a mail: only its header block, or parsed whole by infra/mail/testing's server
 * (which costs it about a millisecond of CPU per mail).
 */
export const sinkModes = ['headers', 'parse'] as const;
export type SinkMode = (typeof sinkModes)[number];

/** Starts `smtp-sink-process.ts` and collects what it reports. */
export async function startSmtpSink(logFile: string, mode: SinkMode = 'headers'): Promise<SmtpSink> {
  const child = startNodeChild('benchmarks/rush/smtp-sink-process.ts', [mode], {
    env: { PATH: process.env.PATH, NODE_ENV: 'production' },
    logFile,
    ipc: true,
  });
  const arrivals: Arrival[] = [];
  const disconnected = new Promise<void>((resolve) => child.process.once('disconnect', resolve));
  const url = await new Promise<string>((resolve, reject) => {
    child.process.on('message', (message: SinkMessage) => {
      if (message.type === 'listening') resolve(message.url);
      else for (const id of message.messageIds) arrivals.push({ at: message.at, messageId: bracketed(id) });
    });
    child.process.once('exit', (code, signal) =>
      reject(new Error(`the SMTP sink exited (${code ?? signal}) before listening (log: ${logFile})`)),
    );
  });
  return {
    url,
    pid: child.pid,
    arrivals,
    async close() {
      if (child.process.connected) {
        child.process.send({ type: 'close' });
        await Promise.race([disconnected, new Promise((resolve) => setTimeout(resolve, 5000))]);
      }
      await child.stop(2000);
    },
  };
}
