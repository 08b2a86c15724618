import type { BackgroundService } from '../di/lifecycle';
import { CheckpointWaiters, startOfLog, type Checkpoint, type EventStore } from '../ports/event-store';
import { errorText, retryDelayMs, type IntegrationBus } from '../ports/integration-bus';
import type { SqlClient, SqlLock } from '../ports/sql';
import type { RelayCursor } from './relay-checkpoint';
import { Follower, LockKeeper } from '../log-follower';
import { toIntegrationMessages } from './integration-message';
import { RelayCheckpoints } from './relay-checkpoint';
import { relayedCategoryNames, topicsFor } from './relay-topics';
import {
  resolveRelayOptions,
  type IntegrationRelayOptions,
  type RelayState,
  type RelayStatus,
  type ResolvedRelayOptions,
} from './relay-options';
import { ensureRelaySchema } from './relay-schema';

export type IntegrationRelayDeps = {
  readonly store: EventStore;
  readonly sql: SqlClient;
  readonly bus: IntegrationBus;
};

/**
 * Publishes the events of the relayed categories (ARCHITECTURE.md, "Kafka") to the integration bus in
 * log order, advancing its checkpoint only after the bus acknowledged them: at-least-once, so
 * consumers deduplicate by event id (`processOnce`). One instance per name is active; others stand by.
 */
export class IntegrationRelay implements BackgroundService {
  readonly name: string;
  /** Topics are `<prefix>bookings`, `<prefix>payments`, `<prefix>catalog`. */
  readonly topicPrefix: string;
  private readonly options: ResolvedRelayOptions;
  private readonly waiters = new CheckpointWaiters();
  private cursor: RelayCursor = { checkpoint: startOfLog, position: 0 };
  private state: RelayState = 'stopped';
  private lastError: string | null = null;
  private lock: SqlLock | null = null;
  private follower: Follower | null = null;
  private readonly keeper: LockKeeper;
  private transitions: Promise<void> = Promise.resolve();

  constructor(
    private readonly deps: IntegrationRelayDeps,
    options: IntegrationRelayOptions = {},
  ) {
    this.options = resolveRelayOptions(options);
    this.name = this.options.name;
    this.topicPrefix = this.options.topicPrefix;
    this.keeper = new LockKeeper(
      deps.sql,
      `integration-relay:${this.name}`,
      this.options.standbyRetryMs,
      (lock) => this.serially(() => this.activate(lock)),
      (error) => {
        if (error !== undefined) this.lastError = errorText(error);
      },
    );
  }

  /** Becomes active when no other instance is (resolves after the first try) or stands by and retries. */
  async start(): Promise<void> {
    await ensureRelaySchema(this.deps.sql);
    if (this.state !== 'stopped') return;
    this.state = 'standby';
    await this.keeper.start();
  }

  /** Finishes the batch in flight, then releases the lock. */
  async stop(): Promise<void> {
    this.state = 'stopped';
    await this.keeper.stop();
    await this.serially(() => this.deactivate());
    this.waiters.rejectAll(new Error(`integration relay ${this.name} stopped`));
  }

  async status(): Promise<RelayStatus> {
    const head = await this.deps.store.head();
    const caughtUp = this.cursor.checkpoint >= head.checkpoint;
    return {
      name: this.name,
      state: this.state,
      checkpoint: this.cursor.checkpoint,
      position: this.cursor.position,
      headPosition: head.position,
      lag: caughtUp ? 0 : Math.max(0, head.position - this.cursor.position),
      lastError: this.lastError,
    };
  }

  /** Resolves once everything readable in the log when called has been published. */
  async waitForCaughtUp(timeoutMs = 30_000): Promise<void> {
    const head = await this.deps.store.head();
    await this.caughtUpTo(head.checkpoint, timeoutMs);
  }

  /** Resolves once the relay's checkpoint reached `checkpoint`. */
  caughtUpTo(checkpoint: Checkpoint, timeoutMs = 30_000): Promise<void> {
    return this.waiters.wait(
      checkpoint,
      this.cursor.checkpoint,
      timeoutMs,
      () => new Error(`integration relay ${this.name} did not reach ${checkpoint} within ${timeoutMs} ms`),
    );
  }

  private serially(step: () => Promise<void>): Promise<void> {
    const run = this.transitions.then(step);
    this.transitions = run.catch(() => {});
    return run;
  }

  private async activate(lock: SqlLock): Promise<void> {
    if (this.state === 'stopped') return void (await lock.release().catch(() => {}));
    this.lock = lock;
    this.state = 'active';
    this.follower = this.follow();
    await this.follower.start();
  }

  /** Reads the relayed categories and publishes each page; the checkpoint moves after the bus's ack. */
  private follow(): Follower {
    const { store, sql, bus } = this.deps;
    const options = this.options;
    return new Follower({
      store,
      checkpoints: new RelayCheckpoints(sql, this.name, () =>
        bus.ensureTopics(topicsFor(options.topicPrefix, options.partitions)),
      ),
      handle: (page) => bus.publish(toIntegrationMessages(page.events, options.topicPrefix)),
      description: 'integration relay',
      name: `relay:${this.name}`,
      ...(options.metrics && { metrics: options.metrics }),
      logFields: { relay: this.name },
      filter: { categories: relayedCategoryNames },
      batchSize: options.batchSize,
      pollIntervalMs: options.pollIntervalMs,
      retryDelayMs: (attempt) =>
        retryDelayMs(attempt, {
          attempts: Infinity,
          initialDelayMs: options.retryInitialDelayMs,
          maxDelayMs: options.retryMaxDelayMs,
        }),
      ...(options.logger ? { logger: options.logger } : {}),
      onProgress: (cursor) => {
        this.cursor = cursor;
        this.lastError = null;
        if (this.state !== 'stopped') this.state = 'active';
        this.waiters.reached(cursor.checkpoint);
      },
      onPhase: (phase, error) => {
        if (phase !== 'failed' || this.state === 'stopped') return;
        this.lastError = error;
        this.state = 'failing';
      },
      onConflict: () => {
        options.logger?.error('integration relay lost its checkpoint to another instance', {
          relay: this.name,
        });
        void this.serially(async () => {
          await this.deactivate();
          if (this.state === 'stopped') return;
          this.state = 'standby';
          this.keeper.retryLater();
        });
      },
    });
  }

  private async deactivate(): Promise<void> {
    const [follower, lock] = [this.follower, this.lock];
    this.follower = null;
    this.lock = null;
    await follower?.stop();
    await lock?.release().catch(() => {});
  }
}
