// Helpers for this folder's tests: an app on a free port and a logger that keeps its lines.
import { once } from 'node:events';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Express } from 'express';
import type { LogMeta, Logger } from '../logging';
import { currentContext } from '../logging';

export type LoggedLine = { level: string; msg: string; meta: LogMeta; correlationId: string | undefined };

export function recordingLogger(
  lines: LoggedLine[] = [],
  bound: LogMeta = {},
): Logger & { lines: LoggedLine[] } {
  const write =
    (level: string) =>
    (msg: string, meta: LogMeta = {}) =>
      void lines.push({
        level,
        msg,
        meta: { ...bound, ...meta },
        correlationId: currentContext()?.correlationId,
      });
  return {
    lines,
    error: write('error'),
    warn: write('warn'),
    info: write('info'),
    debug: write('debug'),
    child: (meta) => recordingLogger(lines, { ...bound, ...meta }),
  };
}

export async function serve(app: Express): Promise<{ url: string; close(): Promise<void> }> {
  const server: Server = app.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
