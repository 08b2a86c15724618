/** Runs tasks one after another, in the order they were submitted. */
export class Mutex {
  private tail: Promise<unknown> = Promise.resolve();

  run<T>(task: () => Promise<T>): Promise<T> {
    const result = this.tail.then(task);
    this.tail = result.catch(() => {});
    return result;
  }
}

/**
 * Runs `work` after each `wake()`, never twice at once: wake-ups that arrive during a run collapse into
 * one more run, so a burst of notifications costs one extra read, not one per notification.
 */
export class CoalescingLoop {
  private running: Promise<void> | undefined;
  private again = false;

  constructor(private readonly work: () => Promise<void>) {}

  wake(): void {
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.loop();
  }

  /** Resolves when no run is in flight. */
  async idle(): Promise<void> {
    await this.running;
  }

  private async loop(): Promise<void> {
    try {
      do {
        this.again = false;
        await this.work();
      } while (this.again);
    } finally {
      this.running = undefined;
    }
  }
}
