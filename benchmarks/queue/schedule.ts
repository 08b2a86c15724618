/**
 * A timing wheel for many buyers' next requests: times rounded to `slotMs` slots, one timer for the
 * whole wheel. 100,000 buyers each with its own timer would cost more, and the wheel also sees how late
 * each action starts: the load generator's own delay, reported apart from the server's latency.
 */
export class Schedule {
  private readonly slots = new Map<number, number[]>();
  private nextSlot = 0;
  private timer: NodeJS.Timeout | undefined;
  private stopped = false;

  constructor(
    /** Runs buyer `index`'s action; `lateMs` is how long after its time it starts. */
    private readonly run: (index: number, lateMs: number) => void,
    private readonly slotMs = 5,
  ) {}

  /** Buyer `index` acts at `at` (performance.now() ms), or at the next tick when that has passed. */
  at(at: number, index: number): void {
    const slot = Math.max(this.nextSlot, Math.floor(at / this.slotMs));
    const list = this.slots.get(slot);
    if (list) list.push(index);
    else this.slots.set(slot, [index]);
  }

  /** Runs every action due from `from` on (performance.now() ms): those already due run at once. */
  start(from = performance.now()): void {
    this.nextSlot = Math.floor(from / this.slotMs);
    this.tick();
  }

  stop(): void {
    this.stopped = true;
    clearTimeout(this.timer);
  }

  /** Actions still scheduled. */
  pending(): number {
    let count = 0;
    for (const list of this.slots.values()) count += list.length;
    return count;
  }

  private tick(): void {
    if (this.stopped) return;
    const now = performance.now();
    const current = Math.floor(now / this.slotMs);
    while (this.nextSlot <= current) {
      // Moved on first: an action scheduled from within `run` for a time already past goes to the next slot.
      const slot = this.nextSlot++;
      const list = this.slots.get(slot);
      if (!list) continue;
      this.slots.delete(slot);
      const lateMs = Math.max(0, now - slot * this.slotMs);
      for (const index of list) this.run(index, lateMs);
      if (this.stopped) return;
    }
    this.timer = setTimeout(() => this.tick(), Math.max(1, this.nextSlot * this.slotMs - performance.now()));
    // Whoever runs the wheel keeps the process alive while it needs it.
    this.timer.unref();
  }
}
