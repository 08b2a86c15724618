import { eventCategory } from '../../domain/catalog';
import type { Page } from '../../infra/log-follower';
import type { EventStore } from '../../infra/ports/event-store';
import type { InventoryActor } from '../../infra/ports/inventory-actor';
import type { InventoryRecovery } from '../inventory-recovery';
import { LogFollower, type FollowerOptions } from '../shared';
import { reconcileZone } from './reconcile-zone';
import { latestCapacities, zoneCapacityEventTypes, type ZoneCapacity } from './zone-capacities';

/**
 * Gives every zone the catalog creates a seat counter in the inventory actor, and follows its capacity
 * changes. It keeps no checkpoint of its own: each start reads the log from the beginning and
 * reconciles every zone against the actor's counter (see `reconcileZone`), which is idempotent, so a
 * restart neither re-provisions nor applies a capacity change twice.
 *
 * A zone without a counter is recovered from the event store (capacity − live holds − confirmed), not
 * provisioned with every seat free: for a new zone both give the same counter, but after Redis lost its
 * data only the recovery leaves the seats already held or sold taken.
 */
export class ZoneProvisioner extends LogFollower {
  constructor(
    store: EventStore,
    private readonly actor: InventoryActor,
    private readonly recovery: Pick<InventoryRecovery, 'recoverAll'>,
    private readonly followerOptions: FollowerOptions = {},
  ) {
    super(
      store,
      'The zone provisioner',
      { categories: [eventCategory], types: zoneCapacityEventTypes },
      followerOptions,
    );
  }

  protected async applyPage(page: Page): Promise<void> {
    const targets = latestCapacities(page.events);
    await this.recoverAbsent(targets);
    for (const target of targets) {
      const outcome = await reconcileZone(this.actor, target);
      if (outcome === 'below-committed') {
        this.followerOptions.logger?.warn(
          'zone capacity is below the seats held or sold; counter unchanged',
          {
            ...target,
          },
        );
      }
    }
  }

  /**
   * All zones of a page without a live counter in one recovery: one settle wait, one catch-up of the
   * log. A zone still marked rebuilding is one whose recovery failed half-way; it is taken up again.
   */
  private async recoverAbsent(targets: readonly ZoneCapacity[]): Promise<void> {
    const absent: ZoneCapacity[] = [];
    for (const target of targets) {
      const snapshot = await this.actor.snapshot(target);
      if (!snapshot || snapshot.rebuilding) absent.push(target);
    }
    if (absent.length > 0) await this.recovery.recoverAll(absent);
  }
}
