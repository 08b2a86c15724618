import type { Checkpoint } from '../../infra/ports/event-store';

type Waiter = {
  target: Checkpoint;
  resolve: () => void;
  reject: (error: Error) => void;
  timer: NodeJS.Timeout;
};

/** Callers waiting for the view to reach a checkpoint (checkpoints order by string comparison). */
export class CheckpointWaiters {
  private readonly waiters = new Set<Waiter>();

  wait(target: Checkpoint, current: Checkpoint, timeoutMs: number, onTimeout: () => Error): Promise<void> {
    if (current >= target) return Promise.resolve();
    return new Promise<void>((resolve, reject) => {
      const waiter: Waiter = {
        target,
        resolve,
        reject,
        timer: setTimeout(() => {
          this.waiters.delete(waiter);
          reject(onTimeout());
        }, timeoutMs),
      };
      this.waiters.add(waiter);
    });
  }

  reached(checkpoint: Checkpoint): void {
    for (const waiter of this.waiters) {
      if (checkpoint < waiter.target) continue;
      clearTimeout(waiter.timer);
      this.waiters.delete(waiter);
      waiter.resolve();
    }
  }

  rejectAll(error: Error): void {
    for (const waiter of this.waiters) {
      clearTimeout(waiter.timer);
      waiter.reject(error);
    }
    this.waiters.clear();
  }
}
