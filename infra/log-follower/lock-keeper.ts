import type { SqlClient, SqlLock } from '../ports/sql';

/**
 * Takes a named lock for one active instance, retrying every `retryMs` while another instance holds
 * it. `onAcquired` must not throw; when it cannot use the lock it releases it and calls `retryLater`.
 */
export class LockKeeper {
  private timer: NodeJS.Timeout | undefined;
  private inFlight: Promise<void> = Promise.resolve();
  private stopped = true;

  constructor(
    private readonly sql: SqlClient,
    private readonly lockName: string,
    private readonly retryMs: number,
    private readonly onAcquired: (lock: SqlLock) => Promise<void>,
    private readonly onMissed: (error?: unknown) => void,
  ) {}

  /** Resolves after the first attempt (and the activation it led to, if any). */
  start(): Promise<void> {
    this.stopped = false;
    return this.attempt();
  }

  retryLater(): void {
    if (this.stopped) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.attempt(), this.retryMs);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.inFlight;
  }

  private attempt(): Promise<void> {
    this.inFlight = this.inFlight.then(() => this.tryOnce());
    return this.inFlight;
  }

  private async tryOnce(): Promise<void> {
    if (this.stopped) return;
    let lock: SqlLock | null;
    try {
      lock = await this.sql.tryLock(this.lockName);
    } catch (error) {
      this.onMissed(error);
      return this.retryLater();
    }
    if (!lock) {
      this.onMissed();
      return this.retryLater();
    }
    if (this.stopped) return lock.release().catch(() => {});
    await this.onAcquired(lock);
  }
}
