import { KurrentDBClient } from '@kurrent/kurrentdb-client';
import { EventStoreUnavailableError } from '../../ports/event-store';
import { withDeadline } from './deadline';
import { isUnavailable } from './error-mapping';

/** `esdb://` (EventStoreDB's scheme) is accepted and rewritten, since the client warns at each use of it. */
export function normaliseConnectionString(connectionString: string): string {
  return connectionString.replace(
    /^esdb(\+discover)?:\/\//i,
    (_, discover: string | undefined) => `kurrentdb${discover ?? ''}://`,
  );
}

/** `defaultDeadline` from the connection string (milliseconds), if it has one. */
export function deadlineFromConnectionString(connectionString: string): number | undefined {
  const match = /[?&]defaultDeadline=(\d+)(?:&|$)/i.exec(connectionString);
  return match ? Number(match[1]) : undefined;
}

export type ConnectionOptions = {
  /** Longest wait for one call. */
  readonly deadlineMs: number;
  /** First wait before a failed client is replaced again; doubles up to `maxRenewDelayMs`. */
  readonly minRenewDelayMs: number;
  readonly maxRenewDelayMs: number;
  readonly createClient?: (connectionString: string) => KurrentDBClient;
};

/**
 * Runs calls on a client under a deadline, and replaces the client after it lost the server. The
 * client reads through a native (Rust) client that never tries again once a connection attempt failed
 * (seen with @kurrent/kurrentdb-client 1.3.1 against a closed port), and its gRPC side keeps a
 * server-features probe that hit a deadline failed forever: a new client is the only way back.
 */
export class KurrentConnection {
  private client: KurrentDBClient;
  private broken = false;
  private renewNotBefore = 0;
  private renewDelay: number;
  private readonly createClient: (connectionString: string) => KurrentDBClient;

  constructor(
    private readonly connectionString: string,
    private readonly options: ConnectionOptions,
  ) {
    this.createClient = options.createClient ?? ((text) => KurrentDBClient.connectionString(text));
    this.client = this.createClient(connectionString);
    this.renewDelay = options.minRenewDelayMs;
  }

  /** Runs one call; failures to reach the server become EventStoreUnavailableError, others pass `mapError`. */
  async call<T>(
    operation: (client: KurrentDBClient) => Promise<T>,
    mapError: (error: unknown) => unknown = (error) => error,
  ): Promise<T> {
    const client = this.acquire();
    let result: T;
    try {
      result = await withDeadline(operation(client), this.options.deadlineMs);
    } catch (error) {
      if (!isUnavailable(error)) throw mapError(error);
      if (client === this.client) this.broken = true;
      throw new EventStoreUnavailableError(error);
    }
    if (client === this.client) {
      this.broken = false;
      this.renewDelay = this.options.minRenewDelayMs;
    }
    return result;
  }

  /** The client for the next call: a new one when the current one lost the server and backoff allows. */
  acquire(): KurrentDBClient {
    if (this.broken && Date.now() >= this.renewNotBefore) this.renew();
    return this.client;
  }

  async close(): Promise<void> {
    await this.client.dispose();
  }

  private renew(): void {
    const old = this.client;
    this.client = this.createClient(this.connectionString);
    this.broken = false;
    this.renewNotBefore = Date.now() + this.renewDelay;
    this.renewDelay = Math.min(this.renewDelay * 2, this.options.maxRenewDelayMs);
    void old.dispose().catch(() => {});
  }
}
