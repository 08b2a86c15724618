/** A wake-up that is not lost when it arrives while the sleeper is busy: the next wait returns at once. */
export class WakeSignal {
  private pending = false;
  private wakeSleeper: (() => void) | undefined;

  wake(): void {
    this.pending = true;
    this.wakeSleeper?.();
  }

  /** Resolves on a wake-up, after `timeoutMs` (the fallback poll), or when `signal` aborts. */
  async wait(timeoutMs: number, signal: AbortSignal): Promise<void> {
    if (this.pending || signal.aborted) {
      this.pending = false;
      return;
    }
    await new Promise<void>((resolve) => {
      const done = () => {
        clearTimeout(timer);
        signal.removeEventListener('abort', done);
        this.wakeSleeper = undefined;
        resolve();
      };
      const timer = setTimeout(done, timeoutMs);
      signal.addEventListener('abort', done);
      this.wakeSleeper = done;
    });
    this.pending = false;
  }
}

/** Wake-ups by topic-partition: publishers ring, the worker of that partition listens. */
export class PartitionBells {
  private readonly listeners = new Map<string, Set<() => void>>();

  listen(topic: string, partition: number, listener: () => void): () => void {
    const id = `${topic}\u0000${partition}`;
    const set = this.listeners.get(id) ?? new Set();
    set.add(listener);
    this.listeners.set(id, set);
    return () => {
      set.delete(listener);
      if (set.size === 0) this.listeners.delete(id);
    };
  }

  ring(topic: string, partition: number): void {
    for (const listener of this.listeners.get(`${topic}\u0000${partition}`) ?? []) listener();
  }
}
