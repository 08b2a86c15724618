import { createServer, connect, type Server, type Socket } from 'node:net';

/** One command a client sent: its name (upper case) and its arguments as text. */
export type SeenCommand = { readonly name: string; readonly args: readonly string[] };

export type RedisCommandCounter = {
  /** `redis://127.0.0.1:<port>`: point a client here instead of at the server. */
  readonly url: string;
  /** Every command clients sent through the proxy so far, in arrival order per connection. */
  readonly commands: readonly SeenCommand[];
  close(): Promise<void>;
};

/**
 * A loopback TCP proxy in front of a Redis server that reads the RESP commands clients send, so a test
 * can count what a request costs at the connection (pipelined commands count one each). Replies pass
 * through untouched.
 */
export async function startRedisCommandCounter(targetUrl: string): Promise<RedisCommandCounter> {
  const target = new URL(targetUrl);
  const commands: SeenCommand[] = [];
  const sockets = new Set<Socket>();
  const server: Server = createServer((client) => {
    const upstream = connect(Number(target.port || 6379), target.hostname);
    const parser = new RespCommandParser((command) => commands.push(command));
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
      socket.on('error', () => {
        client.destroy();
        upstream.destroy();
      });
    }
    client.on('data', (chunk: Buffer) => {
      parser.push(chunk);
      upstream.write(chunk);
    });
    upstream.on('data', (chunk: Buffer) => client.write(chunk));
    client.on('end', () => upstream.end());
    upstream.on('end', () => client.end());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('proxy has no port');
  return {
    url: `redis://127.0.0.1:${address.port}`,
    commands,
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** Reads RESP arrays of bulk strings (how clients send commands) from a byte stream. */
class RespCommandParser {
  private buffer: Buffer = Buffer.alloc(0);

  constructor(private readonly onCommand: (command: SeenCommand) => void) {}

  push(chunk: Buffer): void {
    this.buffer = this.buffer.length === 0 ? chunk : Buffer.concat([this.buffer, chunk]);
    for (;;) {
      const parsed = this.next();
      if (!parsed) return;
      this.buffer = this.buffer.subarray(parsed.end);
      const [name = '', ...args] = parsed.parts;
      this.onCommand({ name: name.toUpperCase(), args });
    }
  }

  private next(): { parts: string[]; end: number } | undefined {
    const header = this.line(0);
    if (!header) return undefined;
    if (this.buffer[0] !== 0x2a /* '*' */) {
      // An inline command: words on one line.
      return { parts: header.text.trim().split(/\s+/), end: header.end };
    }
    const count = Number(header.text.slice(1));
    const parts: string[] = [];
    let at = header.end;
    for (let i = 0; i < count; i++) {
      const length = this.line(at);
      if (!length) return undefined;
      const size = Number(length.text.slice(1));
      if (this.buffer.length < length.end + size + 2) return undefined;
      parts.push(this.buffer.toString('utf8', length.end, length.end + size));
      at = length.end + size + 2;
    }
    return { parts, end: at };
  }

  private line(from: number): { text: string; end: number } | undefined {
    const newline = this.buffer.indexOf('\r\n', from);
    if (newline < 0) return undefined;
    return { text: this.buffer.toString('latin1', from, newline), end: newline + 2 };
  }
}
