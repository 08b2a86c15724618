import http from 'node:http';

/** An answer, or `status` 0 with the reason none came (`TIMEOUT`, `ECONNRESET`, …). */
export type Answer = {
  readonly status: number;
  readonly body: string;
  readonly etag: string | undefined;
  /** From the call to the last byte, the wait for a free connection included. */
  readonly ms: number;
  /** Of that, the wait for a free connection (all of them busy with earlier requests). */
  readonly waitMs: number;
  readonly error?: string;
};

/**
 * Requests over a bounded pool of keep-alive connections (node:http's Agent: a request beyond them
 * waits in the agent's queue for a free one), with callbacks rather than promises: the load generator
 * shares the machine's two cores with the server, so it does as little per request as it can.
 */
export class KeepAliveClient {
  private readonly agent: http.Agent;
  private readonly host: string;
  private readonly port: number;

  constructor(
    base: string,
    connections: number,
    private readonly timeoutMs: number,
  ) {
    const url = new URL(base);
    this.host = url.hostname;
    this.port = Number(url.port);
    this.agent = new http.Agent({
      keepAlive: true,
      maxSockets: connections,
      maxFreeSockets: connections,
      scheduling: 'fifo',
    });
  }

  send(
    method: string,
    path: string,
    headers: http.OutgoingHttpHeaders,
    body: string | undefined,
    done: (answer: Answer) => void,
  ): void {
    const started = performance.now();
    let assigned = started;
    let finished = false;
    const finish = (status: number, text: string, etag: string | undefined, error?: string) => {
      if (finished) return;
      finished = true;
      clearTimeout(timer);
      const now = performance.now();
      done({
        status,
        body: text,
        etag,
        ms: now - started,
        waitMs: assigned - started,
        ...(error ? { error } : {}),
      });
    };
    const request = http.request(
      { agent: this.agent, host: this.host, port: this.port, method, path, headers },
      (response) => {
        let text = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (text += chunk));
        response.on('end', () => {
          const etag = response.headers.etag;
          finish(response.statusCode ?? 0, text, etag);
        });
        response.on('error', (error: NodeJS.ErrnoException) =>
          finish(0, '', undefined, error.code ?? 'ERROR'),
        );
      },
    );
    const timer = setTimeout(() => {
      finish(0, '', undefined, 'TIMEOUT');
      request.destroy();
    }, this.timeoutMs);
    request.once('socket', () => (assigned = performance.now()));
    request.on('error', (error: NodeJS.ErrnoException) => finish(0, '', undefined, error.code ?? 'ERROR'));
    request.end(body);
  }

  close(): void {
    this.agent.destroy();
  }
}
