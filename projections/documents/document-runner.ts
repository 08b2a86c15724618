import {
  CheckpointWaiters,
  startOfLog,
  type Checkpoint,
  type EventStore,
} from '../../infra/ports/event-store';
import type { DocumentStore } from '../../infra/ports/document-store';
import type { SqlClient, SqlLock } from '../../infra/ports/sql';
import {
  errorMessage,
  Follower,
  lagBehind,
  LockKeeper,
  Mutex,
  rebuildBeside,
  type CheckpointStore,
  type Page,
  type PositionRule,
  type ProjectionStatus,
  type RunnerStatus,
} from '../../infra/log-follower';
import { ProjectionNotActiveError, ProjectionStoppedError } from '../runner/errors';
import {
  projectionFollowerSettings,
  resolveRunnerOptions,
  type ProjectionRunnerOptions,
  type ResolvedRunnerOptions,
} from '../runner/runner-options';
import type { DocumentProjection } from './document-projection';
import {
  DocumentStateStore,
  cursorOf,
  firstCursor,
  type GenerationCursor,
  type StoredRebuild,
} from './document-state';
import { LiveGenerationCheckpoints, RebuildCheckpoints } from './generation-checkpoints';
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
  readonly live: Follower<GenerationCursor>;
  liveError: string | null;
  /** The rebuild under way (from its first write until its generation is live or it failed). */
  rebuildJob: Promise<void> | undefined;
  /** Where the rebuild began, reported until its follower runs. */
  rebuildFrom: StoredRebuild | undefined;
  rebuild: Follower<StoredRebuild> | undefined;
  rebuildError: string | null;
  rebuildWaiters: Array<{ resolve: () => void; reject: (error: Error) => void }>;
};

/**
 * Keeps one document projection up to date on the log-following engine: catch-up then live, the
 * checkpoint and the batch in flight in its state document, a rebuild built beside the live generation
 * by a second follower and swapped in between two live pages.
 */
export class DocumentProjectionRunner {
  readonly name: string;
  private readonly options: ResolvedRunnerOptions;
  private readonly states: DocumentStateStore;
  private readonly waiters = new CheckpointWaiters();
  private readonly keeper: LockKeeper | undefined;
  private readonly dropDelayMs: number;
  private readonly dropTimers = new Set<NodeJS.Timeout>();
  private readonly statusWrites = new Mutex();
  private started = false;
  private active: Active | undefined;
  private blockingError: string | undefined;
  private lock: SqlLock | undefined;
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
    this.startRebuild(active);
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
    const live = this.active?.live.cursor ?? stored?.live ?? firstCursor(0);
    const rebuild = this.active
      ? (this.active.rebuild?.cursor ?? this.active.rebuildFrom)
      : (stored?.rebuild ?? undefined);
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
    const error = active.liveError ?? active.rebuildError;
    if (error !== null) return { status: 'failed', error };
    if (active.rebuildJob || !active.live.applying) return { status: 'rebuilding' };
    return { status: active.live.phase === 'live' ? 'live' : 'catching-up' };
  }

  private servedCheckpoint(): Checkpoint {
    const live = this.active?.live;
    return live?.applying ? live.cursor!.checkpoint : startOfLog;
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
    const stored = await this.states.loadOrCreate(projection.version);
    const applying = stored.version === projection.version;
    if (applying) {
      await projection.setup(collectionsOf(this.documents, projection, stored.live.generation));
      // A generation swapped out just before a restart may still be there.
      if (stored.live.generation > 1) await this.drop(stored.live.generation - 1);
    }
    const resumed = stored.rebuild?.version === projection.version ? stored.rebuild : undefined;
    if (resumed) await projection.setup(collectionsOf(this.documents, projection, resumed.generation));
    const active: Active = {
      live: this.follower('document projection', new LiveGenerationCheckpoints(this.states), {
        name: `documents:${projection.name}`,
        cursor: stored.live,
        applying,
        onProgress: (cursor) => this.waiters.reached(cursor.checkpoint),
        onError: (error) => (active.liveError = error),
      }),
      liveError: null,
      rebuildJob: undefined,
      rebuildFrom: undefined,
      rebuild: undefined,
      rebuildError: null,
      rebuildWaiters: [],
    };
    this.active = active;
    if (resumed || !applying || stored.rebuild) this.startRebuild(active, resumed);
    await active.live.start();
    await this.recordStatus();
  }

  private follower<Cursor extends GenerationCursor>(
    description: string,
    checkpoints: CheckpointStore<Cursor>,
    at: {
      /** The live follower's name in traces and metrics (a rebuild's has none). */
      readonly name?: string;
      readonly cursor: Cursor;
      readonly positions?: PositionRule;
      readonly applying?: boolean;
      readonly onProgress?: (cursor: Cursor) => void;
      readonly onError: (error: string | null) => void;
    },
  ): Follower<Cursor> {
    const { projection, options } = this;
    return new Follower<Cursor>(
      {
        store: this.store,
        checkpoints,
        handle: (page, { cursor }) => this.apply(page, cursor),
        description,
        ...(at.name !== undefined && {
          name: at.name,
          ...(options.metrics && { metrics: options.metrics }),
        }),
        ...projectionFollowerSettings(projection, options),
        ...(at.positions ? { positions: at.positions } : {}),
        onProgress: (cursor) => {
          at.onProgress?.(cursor);
          this.noteStatus();
        },
        onPhase: (_phase, error) => {
          at.onError(error);
          this.noteStatus();
        },
      },
      at.cursor,
      at.applying ?? true,
    );
  }

  /** Applies a page to the cursor's generation; each event numbered after the ones applied before. */
  private apply(page: Page, cursor: GenerationCursor): Promise<void> {
    const events = page.events.map((event, index) => ({ ...event, sequence: cursor.sequence + index + 1 }));
    return this.projection.apply(events, collectionsOf(this.documents, this.projection, cursor.generation));
  }

  private startRebuild(active: Active, resumed?: StoredRebuild): void {
    active.rebuildJob ??= this.runRebuild(active, resumed).then(
      () => this.settleRebuild(active),
      (error: unknown) =>
        this.settleRebuild(active, error instanceof Error ? error : new Error(String(error))),
    );
    this.noteStatus();
  }

  private async runRebuild(active: Active, resumed: StoredRebuild | undefined): Promise<void> {
    const start = resumed ?? (await this.beginRebuild(active));
    const rebuild = this.follower('document projection rebuild', new RebuildCheckpoints(this.states), {
      cursor: start,
      // The rebuild's progress is measured against the head.
      positions: 'with-head',
      onError: (error) => (active.rebuildError = error),
    });
    active.rebuild = rebuild;
    if (this.active !== active) await rebuild.stop();
    if (!(await rebuildBeside(active.live, rebuild, (rebuilt) => this.swap(active, rebuilt)))) {
      throw new ProjectionStoppedError(this.name);
    }
  }

  private async beginRebuild(active: Active): Promise<StoredRebuild> {
    const generation = active.live.cursor!.generation + 1;
    const head = await this.store.head();
    const rebuild: StoredRebuild = {
      ...firstCursor(generation),
      version: this.projection.version,
      total: head.position,
      startedAt: new Date(),
    };
    active.rebuildFrom = rebuild;
    await this.drop(generation);
    await this.projection.setup(collectionsOf(this.documents, this.projection, generation));
    await this.states.saveRebuild(rebuild);
    this.options.logger.info('document projection rebuild started', { projection: this.name, generation });
    return rebuild;
  }

  private async swap(active: Active, rebuilt: StoredRebuild): Promise<void> {
    await this.states.swap(rebuilt);
    const old = active.live.cursor!.generation;
    const live = cursorOf(rebuilt);
    active.live.resumeAt(live);
    this.options.logger.info('document projection rebuilt; new generation live', {
      projection: this.name,
      generation: live.generation,
    });
    this.waiters.reached(live.checkpoint);
    const timer = setTimeout(() => {
      this.dropTimers.delete(timer);
      void this.drop(old).catch(() => {});
    }, this.dropDelayMs);
    this.dropTimers.add(timer);
  }

  /** Records the status in the state document, one write at a time. */
  private noteStatus(): void {
    void this.statusWrites.run(() => this.recordStatus());
  }

  /** Writes the status to the state document when it changed; never fails the caller. */
  private async recordStatus(): Promise<void> {
    if (!this.active) return;
    const { status, error } = this.describe();
    const key = `${status}\u0000${error ?? ''}`;
    if (key === this.recordedStatus) return;
    this.recordedStatus = key;
    await this.states.saveStatus(status, error ?? null).catch(() => {
      this.recordedStatus = undefined;
    });
  }

  private settleRebuild(active: Active, error?: Error): void {
    active.rebuildJob = undefined;
    active.rebuildFrom = undefined;
    active.rebuild = undefined;
    active.rebuildError = null;
    const waiters = active.rebuildWaiters.splice(0);
    for (const waiter of waiters) {
      if (error) waiter.reject(error);
      else waiter.resolve();
    }
    this.noteStatus();
  }

  private drop(generation: number): Promise<void> {
    return dropGeneration(this.documents, this.projection, generation);
  }

  private async deactivate(): Promise<void> {
    const active = this.active;
    this.active = undefined;
    if (active) {
      await active.rebuild?.stop();
      await active.live.stop();
      await active.rebuildJob;
    }
    for (const timer of this.dropTimers) clearTimeout(timer);
    this.dropTimers.clear();
    await this.statusWrites.run(async () => {});
    if (active) await this.states.saveStatus('stopped', null).catch(() => {});
    this.recordedStatus = undefined;
    await this.lock?.release().catch(() => {});
    this.lock = undefined;
  }
}
