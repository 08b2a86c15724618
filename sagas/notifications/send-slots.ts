/**
 * At most `size` sends at once. `acquire` waits for a free slot (so a caller feeding sends from the bus
 * slows to the mail server's pace instead of queueing without bound); `release` hands the slot to the
 * next waiter. `settled` resolves once nothing is running.
 */
export class SendSlots {
  private busy = 0;
  private readonly waiting: (() => void)[] = [];
  private readonly idle: (() => void)[] = [];

  constructor(private readonly size: number) {
    if (!(size >= 1)) throw new RangeError(`send slots must be at least 1, got ${size}`);
  }

  async acquire(): Promise<void> {
    if (this.busy < this.size) {
      this.busy += 1;
      return;
    }
    await new Promise<void>((resolve) => this.waiting.push(resolve));
  }

  release(): void {
    const next = this.waiting.shift();
    if (next) return next();
    this.busy -= 1;
    if (this.busy === 0) for (const resolve of this.idle.splice(0)) resolve();
  }

  settled(): Promise<void> {
    if (this.busy === 0) return Promise.resolve();
    return new Promise((resolve) => this.idle.push(resolve));
  }
}
