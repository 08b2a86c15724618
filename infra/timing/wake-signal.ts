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
    if (!this.pending && !signal.aborted) {
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
    }
    this.pending = false;
  }
}
