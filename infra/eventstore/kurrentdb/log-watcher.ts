/** The part of the client's $all subscription that the watcher uses. */
export type LogSubscription = {
  on(event: 'data' | 'confirmation' | 'end', listener: () => void): unknown;
  on(event: 'error', listener: (error: Error) => void): unknown;
  unsubscribe(): Promise<void>;
};

export type LogWatcherOptions = {
  /** How long new events are gathered before listeners are called once for all of them. */
  readonly debounceMs: number;
  /** First wait before subscribing again after the subscription failed; doubles up to `maxRetryMs`. */
  readonly minRetryMs: number;
  readonly maxRetryMs: number;
};

/**
 * Wakes watchers when $all grows: one live subscription (from the end) while anyone watches, calls
 * coalesced. A dropped subscription is renewed with backoff, and watchers are woken once it is back,
 * since events may have arrived meanwhile.
 */
export class LogWatcher {
  private readonly listeners = new Set<() => void>();
  private subscription: LogSubscription | undefined;
  private pending: NodeJS.Timeout | undefined;
  private retry: NodeJS.Timeout | undefined;
  private retryDelay: number;
  private missedWhileDown = false;

  constructor(
    private readonly subscribe: () => LogSubscription,
    private readonly options: LogWatcherOptions,
  ) {
    this.retryDelay = options.minRetryMs;
  }

  watch(listener: () => void): () => void {
    this.listeners.add(listener);
    if (!this.subscription && !this.retry) this.start();
    return () => {
      this.listeners.delete(listener);
      if (this.listeners.size === 0) this.stop();
    };
  }

  /** New events may be readable: calls every listener once, a moment from now. */
  notify(): void {
    if (this.pending || this.listeners.size === 0) return;
    this.pending = setTimeout(() => {
      this.pending = undefined;
      for (const listener of [...this.listeners]) listener();
    }, this.options.debounceMs);
  }

  stop(): void {
    clearTimeout(this.pending);
    clearTimeout(this.retry);
    this.pending = this.retry = undefined;
    const subscription = this.subscription;
    this.subscription = undefined;
    if (subscription) void subscription.unsubscribe().catch(() => {});
  }

  private start(): void {
    this.retry = undefined;
    let subscription: LogSubscription;
    try {
      subscription = this.subscribe();
    } catch {
      this.scheduleRetry();
      return;
    }
    this.subscription = subscription;
    subscription.on('data', () => this.notify());
    subscription.on('confirmation', () => {
      this.retryDelay = this.options.minRetryMs;
      if (this.missedWhileDown) this.notify();
      this.missedWhileDown = false;
    });
    subscription.on('error', () => this.restart(subscription));
    subscription.on('end', () => this.restart(subscription));
  }

  private restart(subscription: LogSubscription): void {
    if (this.subscription !== subscription) return;
    this.subscription = undefined;
    this.missedWhileDown = true;
    void subscription.unsubscribe().catch(() => {});
    if (this.listeners.size > 0) this.scheduleRetry();
  }

  private scheduleRetry(): void {
    this.retry = setTimeout(() => this.start(), this.retryDelay);
    this.retry.unref();
    this.retryDelay = Math.min(this.retryDelay * 2, this.options.maxRetryMs);
  }
}
