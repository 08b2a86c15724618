import { setTimeout as delay } from 'node:timers/promises';
import type { CheckpointWaiters, EventStore } from '../ports/event-store';
import { readPage } from '../log-follower';
import { errorText, retryDelayMs, type IntegrationBus } from '../ports/integration-bus';
import type { SqlClient } from '../ports/sql';
import { toIntegrationMessage } from './integration-message';
import { loadCursor, RelayCheckpointConflictError, saveCursor, type RelayCursor } from './relay-checkpoint';
import type { ResolvedRelayOptions } from './relay-options';
import { relayedCategories, topicOfStream, topicsFor } from './relay-topics';
import { WakeSignal } from '../timing';

export type FollowerDeps = {
  readonly store: EventStore;
  readonly sql: SqlClient;
  readonly bus: IntegrationBus;
  readonly options: ResolvedRelayOptions;
  readonly waiters: CheckpointWaiters;
  readonly onProgress: (cursor: RelayCursor, error: string | null) => void;
  /** The checkpoint moved under this instance: it must give up being active. */
  readonly onConflict: () => void;
};

const categories = Object.keys(relayedCategories);

/** The active relay's loop: read a batch, publish it, then (and only then) advance the checkpoint. */
export class RelayFollower {
  private readonly abort = new AbortController();
  private readonly wakeSignal = new WakeSignal();
  private readonly unwatch: () => void;
  private readonly done: Promise<void>;

  constructor(private readonly deps: FollowerDeps) {
    this.unwatch = deps.store.watch(() => this.wakeSignal.wake(), { categories });
    this.done = this.run();
  }

  async stop(): Promise<void> {
    this.abort.abort();
    this.unwatch();
    await this.done;
  }

  private async run(): Promise<void> {
    const { options, logger } = { options: this.deps.options, logger: this.deps.options.logger };
    let cursor: RelayCursor | undefined;
    for (let failures = 0; !this.abort.signal.aborted;) {
      try {
        if (!cursor) {
          await this.deps.bus.ensureTopics(topicsFor(options.topicPrefix, options.partitions));
          cursor = await loadCursor(this.deps.sql, options.name);
          this.progress(cursor, null);
        }
        const { next, endOfLog } = await this.relayBatch(cursor);
        cursor = next;
        failures = 0;
        this.progress(cursor, null);
        if (endOfLog) await this.wakeSignal.wait(options.pollIntervalMs, this.abort.signal);
      } catch (error) {
        if (error instanceof RelayCheckpointConflictError) {
          logger?.error('integration relay lost its checkpoint to another instance', { relay: options.name });
          return this.deps.onConflict();
        }
        failures += 1;
        const retryInMs = retryDelayMs(failures, {
          attempts: Infinity,
          initialDelayMs: options.retryInitialDelayMs,
          maxDelayMs: options.retryMaxDelayMs,
        });
        logger?.warn('integration relay batch failed; retrying', {
          relay: options.name,
          retryInMs,
          error: errorText(error),
        });
        if (cursor) this.progress(cursor, errorText(error));
        await delay(retryInMs, undefined, { signal: this.abort.signal }).catch(() => {});
      }
    }
  }

  private async relayBatch(cursor: RelayCursor): Promise<{ next: RelayCursor; endOfLog: boolean }> {
    const { store, bus, sql, options } = this.deps;
    const page = await readPage(store, cursor, { limit: options.batchSize, filter: { categories } });
    const messages = page.events.flatMap((event) => {
      const topic = topicOfStream(event.streamId, options.topicPrefix);
      return topic ? [toIntegrationMessage(event, topic)] : [];
    });
    await bus.publish(messages);
    if (page.moved) await saveCursor(sql, options.name, cursor, page.next);
    return { next: page.next, endOfLog: page.endOfLog };
  }

  private progress(cursor: RelayCursor, error: string | null): void {
    this.deps.onProgress(cursor, error);
    if (error === null) this.deps.waiters.reached(cursor.checkpoint);
  }
}
