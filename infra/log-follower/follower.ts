import { ROOT_CONTEXT, context } from '@opentelemetry/api';
import type { EventStore } from '../ports/event-store';
import { pause } from './backoff';
import { CheckpointConflictError, type CheckpointStore, type PageHandler } from './checkpoint-store';
import { readPage, type LogCursor, type LogFilter, type Page, type PositionRule } from './read-page';
import { CoalescingLoop, Mutex } from './serial';
import type { Logger } from '../ports/logger';
import type { FollowerLag, FollowerMeter, Metrics } from '../ports/metrics';
import { attr, inSpan, linksTo, tracingActive } from '../tracing';
import { errorMessage, lagBehind } from './status';

export type FollowerPhase = 'catching-up' | 'live' | 'failed';

export type FollowerSettings<Cursor extends LogCursor, Scope> = {
  readonly store: EventStore;
  readonly checkpoints: CheckpointStore<Cursor, Scope>;
  readonly handle: PageHandler<Cursor, Scope>;
  /** Who follows, for messages: "projection", "integration relay". */
  readonly description: string;
  /**
   * Its name in metrics and traces (`projection:bookings`, `relay`); with `metrics`, its batches,
   * failures and lag are reported under it. A rebuild's follower goes unreported.
   */
  readonly name?: string;
  readonly metrics?: Pick<Metrics, 'follower'>;
  /** Fields every log line of this follower carries: `{ projection: 'bookings' }`. */
  readonly logFields?: Record<string, unknown>;
  readonly filter?: LogFilter;
  readonly positions?: PositionRule;
  readonly batchSize: number;
  /** Polling fallback for missed wake-ups. */
  readonly pollIntervalMs: number;
  /** Milliseconds to wait before retrying after the `attempt`-th failure in a row. */
  readonly retryDelayMs: (attempt: number) => number;
  /** Where a failed batch is reported. */
  readonly logger?: Pick<Logger, 'warn'>;
  /** After the cursor was loaded and after each page taken in. */
  readonly onProgress?: (cursor: Cursor, page: Page | undefined) => void;
  /** When the phase changes, and on every failure. */
  readonly onPhase?: (phase: FollowerPhase, error: string | null) => void;
  /** Another instance moved the checkpoint: this one stops following and must give up being active. */
  readonly onConflict?: (error: CheckpointConflictError) => void;
};

/**
 * The one engine that follows the log after a checkpoint: one page at a time (the read horizon keeps
 * a late commit from being skipped), the page and its checkpoint committed together by the checkpoint
 * store, wake-ups on appends with a polling fallback, retries with backoff, and never two batches at
 * once. Projections, the saga, the relay and the in-process views all run on it.
 */
export class Follower<Cursor extends LogCursor = LogCursor, Scope = void> {
  phase: FollowerPhase = 'catching-up';
  private readonly mutex = new Mutex();
  private readonly loop = new CoalescingLoop(() => this.drain());
  private readonly abort = new AbortController();
  private current: Cursor | undefined;
  private applyingNow: boolean;
  private failures = 0;
  private timer: NodeJS.Timeout | undefined;
  private unwatch: (() => void) | undefined;
  private meter: FollowerMeter | undefined;

  constructor(
    private readonly settings: FollowerSettings<Cursor, Scope>,
    /** Where to start; loaded from the checkpoint store when absent. */
    cursor?: Cursor,
    /** False to hold still until `resumeAt` (a new version being built serves the old one frozen). */
    applying = true,
  ) {
    this.current = cursor;
    this.applyingNow = applying;
  }

  /** Undefined until loaded. */
  get cursor(): Cursor | undefined {
    return this.current;
  }

  get applying(): boolean {
    return this.applyingNow;
  }

  /**
   * Follows from now on: wakes on appends to its categories and on a timer. With `catchUpFirst`, reads
   * to the end of the log first and rejects on a failure, so a process is not ready before its view is.
   */
  async start(options: { readonly catchUpFirst?: boolean } = {}): Promise<void> {
    if (this.timer) return;
    const { name, metrics } = this.settings;
    if (name && metrics) this.meter ??= metrics.follower(name, () => this.lag());
    if (options.catchUpFirst) await this.mutex.run(() => this.readToEnd());
    this.unwatch = this.settings.store.watch(() => this.loop.wake(), {
      categories: this.settings.filter?.categories,
    });
    this.timer = setInterval(() => this.loop.wake(), this.settings.pollIntervalMs);
    this.loop.wake();
  }

  /** Reads what is new now; nothing before `start`. */
  wake(): void {
    if (this.timer && !this.abort.signal.aborted) this.loop.wake();
  }

  /** Continues from `cursor` (a rebuilt generation swapped in), applying again. */
  resumeAt(cursor: Cursor): void {
    this.current = cursor;
    this.applyingNow = true;
    this.wake();
  }

  /** Runs `task` between two pages: following waits until it is done. */
  exclusive<T>(task: () => Promise<T>): Promise<T> {
    return this.mutex.run(task);
  }

  /**
   * Reads to the end of the log, retrying failures, for a follower that is not woken (a generation being
   * rebuilt). False when it was stopped first; rejects with CheckpointConflictError.
   */
  catchUp(): Promise<boolean> {
    return this.follow();
  }

  async stop(): Promise<void> {
    this.abort.abort();
    clearInterval(this.timer);
    this.unwatch?.();
    await this.loop.idle();
    await this.mutex.run(async () => {});
    this.meter?.close();
  }

  /**
   * How far behind the log's head it is now (undefined before its checkpoint is loaded): the events
   * past its position, and how long ago the first of them it will read was recorded.
   */
  async lag(): Promise<FollowerLag | undefined> {
    const cursor = this.current;
    if (!cursor) return undefined;
    const { store, filter } = this.settings;
    const head = await store.head();
    if (cursor.checkpoint >= head.checkpoint) return { events: 0, seconds: 0 };
    const next = await readPage(store, cursor, { limit: 1, ...(filter ? { filter } : {}) });
    const oldest = next.events[0]?.createdAt.getTime();
    return {
      events: lagBehind(cursor.checkpoint, cursor.position, head),
      seconds: oldest === undefined ? 0 : Math.max(0, (Date.now() - oldest) / 1_000),
    };
  }

  private async drain(): Promise<void> {
    try {
      await this.follow();
    } catch (error) {
      if (!(error instanceof CheckpointConflictError)) throw error;
      this.settings.onConflict?.(error);
    }
  }

  /** Pages until the end of the log; false when stopped (or paused) first. */
  private async follow(): Promise<boolean> {
    while (this.applyingNow && !this.abort.signal.aborted) {
      let more: boolean;
      try {
        more = await this.mutex.run(() => this.step());
      } catch (error) {
        if (error instanceof CheckpointConflictError) throw error;
        if (!(await this.retryAfter(error))) return false;
        continue;
      }
      this.failures = 0;
      if (!more) return true;
    }
    return false;
  }

  private async retryAfter(error: unknown): Promise<boolean> {
    const { description, logFields, logger, retryDelayMs } = this.settings;
    this.failures += 1;
    this.meter?.failure();
    const delay = retryDelayMs(this.failures);
    logger?.warn(`${description} batch failed; retrying`, {
      ...logFields,
      attempt: this.failures,
      retryInMs: delay,
      error: errorMessage(error),
    });
    this.setPhase('failed', errorMessage(error));
    return pause(delay, this.abort.signal);
  }

  private async readToEnd(): Promise<void> {
    while (await this.step());
  }

  /**
   * One page; true when more is readable right away. Traced, it runs outside whatever woke the loop (an
   * append's request, a caller waiting for the view): its reads and its span are no part of that work.
   */
  private step(): Promise<boolean> {
    return tracingActive() ? context.with(ROOT_CONTEXT, () => this.takePage()) : this.takePage();
  }

  private async takePage(): Promise<boolean> {
    if (!this.applyingNow || this.abort.signal.aborted) return false;
    const { store, checkpoints, handle, filter, positions, batchSize } = this.settings;
    if (!this.current) {
      this.current = await checkpoints.load();
      this.settings.onProgress?.(this.current, undefined);
    }
    const cursor = this.current;
    const started = performance.now();
    const page = await readPage(store, cursor, {
      limit: checkpoints.readLimit?.(cursor, batchSize) ?? batchSize,
      ...(filter ? { filter } : {}),
      ...(positions ? { positions } : {}),
    });
    const commit = () =>
      checkpoints.commit(cursor, page, async (scope) => {
        await handle(page, { cursor, scope });
      });
    this.current = page.events.length > 0 ? await this.traced(page, commit) : await commit();
    if (page.events.length > 0) this.meter?.batch(page.events.length, (performance.now() - started) / 1_000);
    this.setPhase(page.endOfLog ? 'live' : 'catching-up', null);
    this.settings.onProgress?.(this.current, page);
    return !page.endOfLog;
  }

  /**
   * One span per page handled, linked to the trace context each event recorded (a batch has many
   * causes; a link per cause is how a batch joins their traces). What the handler does runs inside it.
   */
  private traced<T>(page: Page, work: () => Promise<T>): Promise<T> {
    if (!tracingActive()) return work();
    const name = this.settings.name ?? this.settings.description;
    return inSpan(
      `follow ${name}`,
      {
        links: linksTo(page.events.map((event) => event.metadata.traceparent)),
        attributes: { 'booking_rush.follower': name, [attr.messagingBatchMessageCount]: page.events.length },
      },
      work,
    );
  }

  private setPhase(phase: FollowerPhase, error: string | null): void {
    if (phase === this.phase && phase !== 'failed') return;
    this.phase = phase;
    this.settings.onPhase?.(phase, error);
  }
}
