import { once } from 'node:events';
import { createServer, type RequestListener } from 'node:http';
import type { AddressInfo } from 'node:net';
import { StartupError, connectionReason } from './startup-error';

export type HttpServer = {
  /** The port actually bound (PORT=0 picks a free one). */
  readonly port: number;
  /** Stops accepting, lets in-flight requests finish for up to `graceMs`, then drops what is left. */
  close(graceMs: number): Promise<void>;
};

export async function listen(app: RequestListener, host: string, port: number): Promise<HttpServer> {
  const server = createServer(app);
  server.listen(port, host);
  try {
    await once(server, 'listening');
  } catch (error) {
    throw new StartupError(`PORT: cannot listen on ${host}:${port} (${connectionReason(error)})`, {
      cause: error,
    });
  }
  return {
    port: (server.address() as AddressInfo).port,
    async close(graceMs) {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      const timer = setTimeout(() => server.closeAllConnections(), graceMs);
      await closed;
      clearTimeout(timer);
    },
  };
}
