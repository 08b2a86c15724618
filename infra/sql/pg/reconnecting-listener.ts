import type pg from 'pg';
import { quoteIdentifier } from '../shared/identifiers';

const maxRetryDelayMs = 5_000;

/**
 * LISTEN on a pooled connection that comes back after the server drops it. After a reconnect it
 * notifies once with an empty payload, since notifications sent meanwhile are lost.
 */
export class ReconnectingListener {
  private client: pg.PoolClient | undefined;
  private stopped = false;
  private retryTimer: NodeJS.Timeout | undefined;
  private readonly discarded = new WeakSet<pg.PoolClient>();

  constructor(
    private readonly pool: pg.Pool,
    private readonly channel: string,
    private readonly onNotify: (payload: string) => void,
  ) {}

  async connect(): Promise<void> {
    const client = await this.pool.connect();
    client.on('notification', (message) => {
      if (message.channel === this.channel) this.onNotify(message.payload ?? '');
    });
    client.on('error', () => this.discard(client));
    try {
      await client.query(`LISTEN ${quoteIdentifier(this.channel)}`);
    } catch (error) {
      this.discard(client);
      throw error;
    }
    this.client = client;
  }

  /** Gives a broken connection back to the pool once, and listens again if it was the live one. */
  private discard(client: pg.PoolClient): void {
    if (this.discarded.has(client)) return;
    this.discarded.add(client);
    client.release(true);
    if (this.client === client) {
      this.client = undefined;
      this.scheduleRetry(100);
    }
  }

  private scheduleRetry(delayMs: number): void {
    if (this.stopped) return;
    this.retryTimer = setTimeout(() => {
      this.connect().then(
        () => this.onNotify(''),
        () => this.scheduleRetry(Math.min(delayMs * 2, maxRetryDelayMs)),
      );
    }, delayMs);
    this.retryTimer.unref();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.retryTimer);
    const client = this.client;
    this.client = undefined;
    if (!client) return;
    try {
      await client.query(`UNLISTEN ${quoteIdentifier(this.channel)}`);
      this.discarded.add(client);
      client.release();
    } catch {
      this.discard(client);
    }
  }
}
