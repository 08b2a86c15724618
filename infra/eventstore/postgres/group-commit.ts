/**
 * Group commit: callers submit work one at a time; whatever arrives while a flush is under way is
 * written together by the next flush, in one transaction. Each caller is resolved after its batch
 * committed, and a failed flush rejects every caller in that batch.
 */
export type GroupCommitOptions = {
  /** Most items one flush takes. */
  readonly maxBatchSize: number;
  /** Flushes that may run at once (1 for a single-connection driver). */
  readonly maxConcurrentFlushes: number;
  /** Told after each flush that committed: how many items it wrote and how long it took. */
  readonly onFlushed?: (items: number, seconds: number) => void;
};

type Pending<Item, Result> = {
  readonly item: Item;
  readonly resolve: (result: Result) => void;
  readonly reject: (error: unknown) => void;
};

/** `flush` returns one outcome per item, in order: a result or an Error for that item alone. */
export type FlushBatch<Item, Result> = (items: Item[]) => Promise<Array<Result | Error>>;

export class GroupCommit<Item, Result> {
  private queue: Pending<Item, Result>[] = [];
  private flushing = 0;
  private scheduled = false;

  constructor(
    private readonly flush: FlushBatch<Item, Result>,
    private readonly options: GroupCommitOptions,
  ) {}

  submit(item: Item): Promise<Result> {
    return new Promise<Result>((resolve, reject) => {
      this.queue.push({ item, resolve, reject });
      this.schedule();
    });
  }

  /** Items waiting for a flush slot. */
  get waiting(): number {
    return this.queue.length;
  }

  private schedule(): void {
    if (this.scheduled || this.flushing >= this.options.maxConcurrentFlushes) return;
    this.scheduled = true;
    // Let the requests already in this turn of the event loop join the batch.
    setImmediate(() => {
      this.scheduled = false;
      void this.flushNext();
    });
  }

  private async flushNext(): Promise<void> {
    if (this.queue.length === 0 || this.flushing >= this.options.maxConcurrentFlushes) return;
    const batch = this.queue.splice(0, this.options.maxBatchSize);
    this.flushing += 1;
    // More than one batch waiting: use the other flush slots now rather than after this commit.
    if (this.queue.length > 0) this.schedule();
    try {
      const started = performance.now();
      const outcomes = await this.flush(batch.map((pending) => pending.item));
      this.options.onFlushed?.(batch.length, (performance.now() - started) / 1_000);
      batch.forEach((pending, index) => {
        const outcome = outcomes[index];
        if (outcome instanceof Error) pending.reject(outcome);
        else if (outcome === undefined)
          pending.reject(new Error('Group commit returned no outcome for an item'));
        else pending.resolve(outcome);
      });
    } catch (error) {
      for (const pending of batch) pending.reject(error);
    } finally {
      this.flushing -= 1;
      if (this.queue.length > 0) this.schedule();
    }
  }
}
