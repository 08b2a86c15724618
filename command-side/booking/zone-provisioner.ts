import { eventCategory } from '../../domain/catalog';
import { AppError } from '../../domain/shared';
import { startOfLog, type Checkpoint, type EventStore } from '../../infra/ports/event-store';
import type { InventoryActor } from '../inventory';
import { reconcileZone } from './reconcile-zone';
import { latestCapacities, zoneCapacityEventTypes } from './zone-capacities';

/** The little the provisioner needs from a logger. */
export interface ProvisionerLogger {
  warn(message: string, fields?: Record<string, unknown>): void;
}

export type ZoneProvisionerOptions = {
  /** Events read per page. Default 1000. */
  readonly batchSize?: number;
  /** Polling fallback for missed wake-ups (and retries after a failure). Default 500 ms. */
  readonly pollIntervalMs?: number;
  /** Default timeout of `waitFor`. Default 5000 ms. */
  readonly catchUpTimeoutMs?: number;
  readonly logger?: ProvisionerLogger;
};

type Waiter = { target: Checkpoint; resolve: () => void; reject: (error: Error) => void };

/**
 * Gives every zone the catalog creates a seat counter in the inventory actor, and follows its capacity
 * changes. It keeps no checkpoint of its own: each start reads the log from the beginning and
 * reconciles every zone against the actor's counter (see `reconcileZone`), which is idempotent, so a
 * restart neither re-provisions nor applies a capacity change twice.
 */
export class ZoneProvisioner {
  private checkpoint: Checkpoint = startOfLog;
  private readonly waiters = new Set<Waiter>();
  private readonly batchSize: number;
  private readonly pollIntervalMs: number;
  private readonly catchUpTimeoutMs: number;
  private running: Promise<void> | undefined;
  private again = false;
  private timer: NodeJS.Timeout | undefined;
  private unwatch: (() => void) | undefined;

  constructor(
    private readonly store: EventStore,
    private readonly actor: InventoryActor,
    private readonly options: ZoneProvisionerOptions = {},
  ) {
    this.batchSize = options.batchSize ?? 1000;
    this.pollIntervalMs = options.pollIntervalMs ?? 500;
    this.catchUpTimeoutMs = options.catchUpTimeoutMs ?? 5000;
  }

  /** Where the provisioner has reconciled up to. */
  get position(): Checkpoint {
    return this.checkpoint;
  }

  /** Provisions every zone in the log (errors reach the caller), then follows it. */
  async start(): Promise<void> {
    if (this.timer) return;
    await this.drain();
    this.unwatch = this.store.watch(() => this.wake());
    this.timer = setInterval(() => this.wake(), this.pollIntervalMs);
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    this.timer = undefined;
    this.unwatch?.();
    await this.running;
    for (const waiter of this.waiters) waiter.reject(new Error('The zone provisioner stopped'));
    this.waiters.clear();
  }

  /** Resolves once every zone event up to `checkpoint` has reached the actor. */
  waitFor(checkpoint: Checkpoint, timeoutMs = this.catchUpTimeoutMs): Promise<void> {
    if (this.checkpoint >= checkpoint) return Promise.resolve();
    const waiting = new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters.delete(waiter);
        reject(new AppError('SERVICE_UNAVAILABLE', `Zones were not provisioned within ${timeoutMs} ms`));
      }, timeoutMs);
      const waiter: Waiter = {
        target: checkpoint,
        resolve: () => (clearTimeout(timer), resolve()),
        reject: (error) => (clearTimeout(timer), reject(error)),
      };
      this.waiters.add(waiter);
    });
    this.wake();
    return waiting;
  }

  private wake(): void {
    if (!this.timer) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.follow().finally(() => (this.running = undefined));
  }

  private async follow(): Promise<void> {
    do {
      this.again = false;
      try {
        await this.drain();
      } catch (error) {
        this.options.logger?.warn('zone provisioner failed; retrying on the next poll', { error });
        return;
      }
    } while (this.again && this.timer);
  }

  private async drain(): Promise<void> {
    for (;;) {
      const page = await this.store.readAll({
        after: this.checkpoint,
        limit: this.batchSize,
        categories: [eventCategory],
        types: zoneCapacityEventTypes,
      });
      for (const target of latestCapacities(page.events)) {
        const outcome = await reconcileZone(this.actor, target);
        if (outcome === 'below-committed')
          this.options.logger?.warn('zone capacity is below the seats held or sold; counter unchanged', {
            ...target,
          });
      }
      // Only after the whole page reached the actor: a failure retries the page (reconcile is idempotent).
      this.checkpoint = page.checkpoint;
      this.reached();
      if (page.endOfLog) return;
    }
  }

  private reached(): void {
    for (const waiter of this.waiters) {
      if (this.checkpoint < waiter.target) continue;
      this.waiters.delete(waiter);
      waiter.resolve();
    }
  }
}
