import {
  CheckpointWaiters,
  startOfLog,
  type Checkpoint,
  type EventStore,
} from '../../infra/ports/event-store';
import type { DocumentStore } from '../../infra/ports/document-store';
import type { SqlClient, SqlLock } from '../../infra/ports/sql';
import { backoffDelay, pause, LockKeeper, CoalescingLoop } from '../../infra/log-follower';
import { ProjectionNotActiveError, ProjectionStoppedError } from '../runner/errors';
import {
  resolveRunnerOptions,
  type ProjectionRunnerOptions,
  type ResolvedRunnerOptions,
} from '../runner/runner-options';
import { errorMessage, lagBehind, type ProjectionStatus, type RunnerStatus } from '../runner/status';
import { applyNextBatch } from './batch-step';
import type { DocumentProjection } from './document-projection';
import {
  DocumentStateStore,
  cursorOf,
  firstCursor,
  type GenerationCursor,
  type StoredRebuild,
} from './document-state';
import { assertValidProjection, collectionsOf, dropGeneration } from './generation-collections';

export type DocumentRunnerOptions = ProjectionRunnerOptions & {
  /**
   * Take a lock so one process applies this projection (a store shared by processes, MongoDB). Needs
   * `sql`. Without it every process builds its own copy (the in-memory store).
   */
  readonly exclusive?: boolean;
  /** How long readers may keep using a swapped-out generation before it is dropped. Default 2000 ms. */
  readonly dropDelayMs?: number;
};

type Active = {
  live: GenerationCursor;
  /** False while a new version is being built: the old generation is served as it stands. */
  applying: boolean;
  phase: 'catching-up' | 'live';
  rebuild: StoredRebuild | undefined;
  rebuildWaiters: Array<{ resolve: () => void; reject: (error: Error) => void }>;
  error: string | null;
  failures: number;
};

/**
 * Keeps one document projection up to date: catch-up then live, the checkpoint and the batch in flight
 * in its state document, a rebuild built beside the live generation in the same loop and swapped in
 * when it reaches the end of the log.
 */
export class DocumentProjectionRunner {
  readonly name: string;
  private readonly options: ResolvedRunnerOptions;
  private readonly states: DocumentStateStore;
  private readonly waiters = new CheckpointWaiters();
  private readonly loop = new CoalescingLoop(() => this.drain());
  private readonly keeper: LockKeeper | undefined;
  private readonly dropDelayMs: number;
  private readonly dropTimers = new Set<NodeJS.Timeout>();
  private started = false;
  private active: Active | undefined;
  private abort = new AbortController();
  private blockingError: string | undefined;
  private lock: SqlLock | undefined;
  private timer: NodeJS.Timeout | undefined;
  private unwatch: (() => void) | undefined;
  private recordedStatus: string | undefined;

  constructor(
    private readonly store: EventStore,
    private readonly documents: DocumentStore,
    readonly projection: DocumentProjection,
    options: DocumentRunnerOptions & { readonly sql?: SqlClient } = {},
  ) {
    assertValidProjection(projection);
    this.name = projection.name;
    this.options = resolveRunnerOptions(options);
    this.dropDelayMs = options.dropDelayMs ?? 2000;
    this.states = new DocumentStateStore(documents, projection.name);
    if (options.exclusive) {
      if (!options.sql) throw new TypeError(`Document projection ${this.name}: exclusive needs a SQL client`);
      this.keeper = new LockKeeper(
        options.sql,
        `document-projection:${projection.name}`,
        this.options.lockRetryMs,
        (lock) => this.activateUnder(lock),
        (error) => {
          this.blockingError = error === undefined ? undefined : errorMessage(error);
        },
      );
    }
  }

  /** Takes the lock (or stands by) and activates; resolves after the first attempt. */
  async start(): Promise<void> {
    if (this.started) return;
    this.started = true;
    this.blockingError = undefined;
    if (this.keeper) return this.keeper.start();
    await this.activateUnder(undefined);
  }

  async stop(): Promise<void> {
    if (!this.started) return;
    this.started = false;
    await this.keeper?.stop();
    await this.deactivate();
    this.waiters.rejectAll(new ProjectionStoppedError(this.name));
  }

  /** Resolves once the live generation has applied the log up to `checkpoint`. */
  waitFor(checkpoint: Checkpoint, timeoutMs = 10_000): Promise<void> {
    return this.waiters.wait(checkpoint, this.servedCheckpoint(), timeoutMs, () => {
      const { status, error } = this.describe();
      return new Error(
        `Timed out after ${timeoutMs} ms waiting for checkpoint ${checkpoint}: ${this.name} is ${status}` +
          `${error ? ` (${error})` : ''}`,
      );
    });
  }

  /** Builds the next generation beside the live one; resolves once it is live. */
  rebuild(): Promise<void> {
    const active = this.active;
    if (!active) return Promise.reject(new ProjectionNotActiveError(this.name, this.describe().status));
    const done = new Promise<void>((resolve, reject) => active.rebuildWaiters.push({ resolve, reject }));
    if (!active.rebuild) void this.beginRebuild(active);
    return done;
  }

  async status(): Promise<ProjectionStatus> {
    const head = await this.store.head();
    const stored = this.active ? undefined : await this.states.load().catch(() => undefined);
    // A process that does not run the projection (the CLI) reports what the running one recorded.
    const { status, error } =
      !this.started && stored?.status
        ? { status: stored.status as RunnerStatus, error: stored.error ?? undefined }
        : this.describe();
    const live = this.active?.live ?? stored?.live ?? firstCursor(0);
    const rebuild = this.active ? this.active.rebuild : (stored?.rebuild ?? undefined);
    return {
      name: this.name,
      status,
      position: live.position,
      headPosition: head.position,
      lag: lagBehind(live.checkpoint, live.position, head),
      checkpoint: live.checkpoint,
      generation: live.generation,
      ...(error === undefined ? {} : { error }),
      ...(rebuild
        ? { rebuild: { processed: rebuild.position, total: rebuild.total, startedAt: rebuild.startedAt } }
        : {}),
    };
  }

  private describe(): { status: RunnerStatus; error?: string } {
    if (!this.started) return { status: 'stopped' };
    const active = this.active;
    if (!active) {
      return this.blockingError ? { status: 'failed', error: this.blockingError } : { status: 'standby' };
    }
    if (active.error !== null) return { status: 'failed', error: active.error };
    if (active.rebuild || !active.applying) return { status: 'rebuilding' };
    return { status: active.phase };
  }

  private servedCheckpoint(): Checkpoint {
    return this.active?.applying ? this.active.live.checkpoint : startOfLog;
  }

  private async activateUnder(lock: SqlLock | undefined): Promise<void> {
    this.lock = lock;
    try {
      await this.activate();
      this.blockingError = undefined;
      this.options.logger.info('document projection active', { projection: this.name });
    } catch (error) {
      this.blockingError = errorMessage(error);
      this.options.logger.error('document projection could not start; retrying', {
        projection: this.name,
        error: this.blockingError,
      });
      await this.deactivate();
      if (this.keeper) this.keeper.retryLater();
      else throw error;
    }
  }

  private async activate(): Promise<void> {
    const { projection } = this;
    this.abort = new AbortController();
    const stored = await this.states.loadOrCreate(projection.version);
    const applying = stored.version === projection.version;
    const active: Active = {
      live: stored.live,
      applying,
      phase: 'catching-up',
      rebuild: undefined,
      rebuildWaiters: [],
      error: null,
      failures: 0,
    };
    if (applying) {
      await projection.setup(collectionsOf(this.documents, projection, stored.live.generation));
      // A generation swapped out just before a restart may still be there.
      if (stored.live.generation > 1) await this.drop(stored.live.generation - 1);
    }
    if (stored.rebuild?.version === projection.version) {
      await projection.setup(collectionsOf(this.documents, projection, stored.rebuild.generation));
      active.rebuild = stored.rebuild;
    }
    this.active = active;
    if (!active.rebuild && (!applying || stored.rebuild)) await this.beginRebuild(active);
    this.unwatch = this.store.watch(() => this.loop.wake(), { categories: projection.filter?.categories });
    this.timer = setInterval(() => this.loop.wake(), this.options.pollIntervalMs);
    this.loop.wake();
    await this.recordStatus();
  }

  private async beginRebuild(active: Active): Promise<void> {
    const generation = Math.max(active.live.generation, active.rebuild?.generation ?? 0) + 1;
    const head = await this.store.head();
    const rebuild: StoredRebuild = {
      ...firstCursor(generation),
      version: this.projection.version,
      total: head.position,
      startedAt: new Date(),
    };
    active.rebuild = rebuild;
    try {
      await this.drop(generation);
      await this.projection.setup(collectionsOf(this.documents, this.projection, generation));
      await this.states.saveRebuild(rebuild);
    } catch (error) {
      active.rebuild = undefined;
      this.settleRebuild(active, error instanceof Error ? error : new Error(String(error)));
      return;
    }
    this.options.logger.info('document projection rebuild started', { projection: this.name, generation });
    this.loop.wake();
  }

  private async drain(): Promise<void> {
    for (;;) {
      const active = this.active;
      if (!active || this.abort.signal.aborted) return;
      let more: boolean;
      try {
        more = await this.step(active);
        active.failures = 0;
        active.error = null;
        await this.recordStatus();
      } catch (error) {
        active.failures += 1;
        active.error = errorMessage(error);
        const delay = backoffDelay(active.failures, this.options.backoff);
        this.options.logger.warn('document projection batch failed; retrying', {
          projection: this.name,
          attempt: active.failures,
          retryInMs: delay,
          error: active.error,
        });
        await this.recordStatus();
        if (!(await pause(delay, this.abort.signal))) return;
        continue;
      }
      if (!more) return;
    }
  }

  /** One live batch and one rebuild batch; true when more is readable right away. */
  private async step(active: Active): Promise<boolean> {
    let more = false;
    const deps = {
      store: this.store,
      documents: this.documents,
      projection: this.projection,
      batchSize: this.options.batchSize,
    };
    if (active.applying) {
      const result = await applyNextBatch(
        { ...deps, save: (live) => this.states.saveLive(live) },
        active.live,
      );
      active.live = result.cursor;
      active.phase = result.endOfLog ? 'live' : 'catching-up';
      this.waiters.reached(active.live.checkpoint);
      more ||= !result.endOfLog;
    }
    const rebuild = active.rebuild;
    if (rebuild) {
      const total = (await this.store.head()).position;
      const withTotal = (cursor: GenerationCursor): StoredRebuild => ({ ...rebuild, ...cursor, total });
      const result = await applyNextBatch(
        { ...deps, save: (cursor) => this.states.saveRebuild(withTotal(cursor)) },
        rebuild,
      );
      active.rebuild = withTotal(result.cursor);
      if (result.endOfLog) await this.swap(active, active.rebuild);
      else more = true;
    }
    return more;
  }

  private async swap(active: Active, rebuilt: StoredRebuild): Promise<void> {
    await this.states.swap(rebuilt);
    const old = active.live.generation;
    const live = cursorOf(rebuilt);
    active.live = live;
    active.applying = true;
    active.rebuild = undefined;
    this.options.logger.info('document projection rebuilt; new generation live', {
      projection: this.name,
      generation: live.generation,
    });
    this.waiters.reached(live.checkpoint);
    this.settleRebuild(active);
    const timer = setTimeout(() => {
      this.dropTimers.delete(timer);
      void this.drop(old).catch(() => {});
    }, this.dropDelayMs);
    this.dropTimers.add(timer);
  }

  /** Writes the status to the state document when it changed; never fails the caller. */
  private async recordStatus(): Promise<void> {
    const { status, error } = this.describe();
    const key = `${status}\u0000${error ?? ''}`;
    if (key === this.recordedStatus) return;
    this.recordedStatus = key;
    await this.states.saveStatus(status, error ?? null).catch(() => {
      this.recordedStatus = undefined;
    });
  }

  private settleRebuild(active: Active, error?: Error): void {
    const waiters = active.rebuildWaiters.splice(0);
    for (const waiter of waiters) {
      if (error) waiter.reject(error);
      else waiter.resolve();
    }
  }

  private drop(generation: number): Promise<void> {
    return dropGeneration(this.documents, this.projection, generation);
  }

  private async deactivate(): Promise<void> {
    this.abort.abort();
    clearInterval(this.timer);
    this.unwatch?.();
    this.unwatch = undefined;
    await this.loop.idle();
    for (const timer of this.dropTimers) clearTimeout(timer);
    this.dropTimers.clear();
    const active = this.active;
    this.active = undefined;
    if (active) {
      this.settleRebuild(active, new ProjectionStoppedError(this.name));
      await this.states.saveStatus('stopped', null).catch(() => {});
    }
    this.recordedStatus = undefined;
    await this.lock?.release().catch(() => {});
    this.lock = undefined;
  }
}
