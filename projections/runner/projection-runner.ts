import type { Logger } from '../../infra/ports/logger';
import {
  CheckpointWaiters,
  startOfLog,
  type Checkpoint,
  type EventStore,
} from '../../infra/ports/event-store';
import type { SqlClient, SqlLock } from '../../infra/ports/sql';
import { ActiveProjection } from './active-projection';
import { ProjectionNotActiveError, ProjectionStoppedError, type CheckpointConflictError } from './errors';
import { LockKeeper } from '../../infra/log-follower';
import {
  resolveRunnerOptions,
  type ProjectionRunnerOptions,
  type ResolvedRunnerOptions,
} from './runner-options';
import { describeRunner, describeRunnerLocally, type RunnerView } from './runner-view';
import type { SqlProjection } from '../../infra/log-follower';
import { StatusWriter } from './status-writer';
import { assertValidTableName } from './table-names';
import { errorMessage, type ProjectionStatus } from '../../infra/log-follower';

/**
 * Keeps one SQL projection up to date: one active instance per projection (the others stand by),
 * catch-up then live, checkpoint in the same transaction as the read-model writes, rebuild beside the
 * live generation.
 */
export class ProjectionRunner {
  readonly name: string;
  private readonly waiters = new CheckpointWaiters();
  private readonly keeper: LockKeeper;
  private readonly statusWriter: StatusWriter;
  private readonly logger: Logger;
  private readonly options: ResolvedRunnerOptions;
  private started = false;
  private lock: SqlLock | undefined;
  private active: ActiveProjection | undefined;
  private blockingError: string | undefined;
  private fatal = false;

  constructor(
    private readonly sql: SqlClient,
    private readonly store: EventStore,
    readonly projection: SqlProjection,
    options: ProjectionRunnerOptions = {},
  ) {
    this.name = projection.name;
    projection.tables.forEach(assertValidTableName);
    this.options = resolveRunnerOptions(options);
    this.logger = this.options.logger;
    this.statusWriter = new StatusWriter(sql, projection.name, this.logger);
    this.keeper = new LockKeeper(
      sql,
      `projection:${projection.name}`,
      this.options.lockRetryMs,
      (lock) => this.activate(lock),
      (error) => {
        this.blockingError = error === undefined ? undefined : errorMessage(error);
      },
    );
  }

  /** Takes the lock or stands by; resolves after the first attempt. */
  async start(): Promise<void> {
    if (this.started) return;
    this.started = true;
    this.fatal = false;
    this.blockingError = undefined;
    await this.keeper.start();
  }

  /** Stops the loops, waits for the batch in flight and releases the lock. */
  async stop(): Promise<void> {
    if (!this.started) return;
    this.started = false;
    await this.keeper.stop();
    await this.deactivate('stopped');
    this.waiters.rejectAll(new ProjectionStoppedError(this.name));
  }

  /** Resolves once this runner's checkpoint reaches `checkpoint` (string order). */
  waitFor(checkpoint: Checkpoint, timeoutMs = 10_000): Promise<void> {
    return this.waiters.wait(checkpoint, this.servedCheckpoint(), timeoutMs, () => {
      const { status, error } = describeRunnerLocally(this.view());
      const where = `${this.name} is ${status} at ${this.servedCheckpoint() || 'the start'}${error ? ` (${error})` : ''}`;
      return new Error(`Timed out after ${timeoutMs} ms waiting for checkpoint ${checkpoint}: ${where}`);
    });
  }

  /** Builds the next generation beside the live one and swaps it in; resolves once swapped. */
  rebuild(): Promise<void> {
    if (!this.active)
      return Promise.reject(
        new ProjectionNotActiveError(this.name, describeRunnerLocally(this.view()).status),
      );
    return this.active.rebuild();
  }

  async status(): Promise<ProjectionStatus> {
    return describeRunner(this.sql, this.store, this.view());
  }

  private view(): RunnerView {
    return {
      name: this.name,
      started: this.started,
      fatal: this.fatal,
      blockingError: this.blockingError,
      active: this.active,
    };
  }

  private servedCheckpoint(): Checkpoint {
    return this.active?.applying ? this.active.cursor.checkpoint : startOfLog;
  }

  private async activate(lock: SqlLock): Promise<void> {
    this.lock = lock;
    try {
      this.active = await ActiveProjection.activate({
        sql: this.sql,
        store: this.store,
        projection: this.projection,
        ...this.options,
        onProgress: () => this.waiters.reached(this.servedCheckpoint()),
        onChange: () => this.publish(),
        onConflict: (error) => void this.failFatally(error),
      });
      this.blockingError = undefined;
      this.logger.info('projection runner active', { projection: this.name });
      this.publish();
    } catch (error) {
      this.logger.error('projection runner could not start; retrying', {
        projection: this.name,
        error: errorMessage(error),
      });
      this.blockingError = errorMessage(error);
      await this.deactivate(null);
      this.keeper.retryLater();
    }
  }

  /** Another writer advanced the checkpoint: stop applying here for good (exactly-once over liveness). */
  private async failFatally(error: CheckpointConflictError): Promise<void> {
    if (this.fatal) return;
    this.fatal = true;
    this.blockingError = error.message;
    this.logger.error('projection checkpoint moved under this runner; stopping', {
      projection: this.name,
      error: error.message,
    });
    await this.keeper.stop();
    await this.deactivate(null);
  }

  private async deactivate(finalStatus: 'stopped' | null): Promise<void> {
    const active = this.active;
    this.active = undefined;
    await active?.stop();
    if (active && finalStatus) this.statusWriter.write(finalStatus, null);
    await this.statusWriter.flush();
    await this.lock?.release().catch(() => {});
    this.lock = undefined;
  }

  private publish(): void {
    const view = this.view();
    if (!view.active || view.fatal) return;
    const { status, error } = describeRunnerLocally(view);
    this.statusWriter.write(status, error ?? null);
  }
}
