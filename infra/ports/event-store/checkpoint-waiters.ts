import type { Checkpoint } from './event-store';

type Waiter = {
  readonly target: Checkpoint;
  readonly resolve: () => void;
  readonly reject: (error: Error) => void;
  readonly timer: NodeJS.Timeout;
};

/**
 * Callers waiting for a reader of the log (projection, view, follower) to reach a checkpoint;
 * checkpoints order by plain string comparison. The awaiter tests and read-your-writes use.
 */
export class CheckpointWaiters {
  private readonly waiters = new Set<Waiter>();

  wait(target: Checkpoint, current: Checkpoint, timeoutMs: number, onTimeout: () => Error): Promise<void> {
    if (current >= target) return Promise.resolve();
    return new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters.delete(waiter);
        reject(onTimeout());
      }, timeoutMs);
      const waiter: Waiter = { target, resolve, reject, timer };
      this.waiters.add(waiter);
    });
  }

  reached(checkpoint: Checkpoint): void {
    for (const waiter of this.waiters) {
      if (checkpoint >= waiter.target) this.settle(waiter).resolve();
    }
  }

  rejectAll(error: Error): void {
    for (const waiter of this.waiters) this.settle(waiter).reject(error);
  }

  private settle(waiter: Waiter): Waiter {
    clearTimeout(waiter.timer);
    this.waiters.delete(waiter);
    return waiter;
  }
}
