import { eventCategory } from '../../domain/catalog';
import type { EventStore, ReadAllResult } from '../../infra/ports/event-store';
import type { InventoryActor } from '../inventory';
import { LogFollower, type FollowerOptions } from '../shared';
import { reconcileZone } from './reconcile-zone';
import { latestCapacities, zoneCapacityEventTypes } from './zone-capacities';

/**
 * Gives every zone the catalog creates a seat counter in the inventory actor, and follows its capacity
 * changes. It keeps no checkpoint of its own: each start reads the log from the beginning and
 * reconciles every zone against the actor's counter (see `reconcileZone`), which is idempotent, so a
 * restart neither re-provisions nor applies a capacity change twice.
 */
export class ZoneProvisioner extends LogFollower {
  constructor(
    store: EventStore,
    private readonly actor: InventoryActor,
    private readonly followerOptions: FollowerOptions = {},
  ) {
    super(
      store,
      'The zone provisioner',
      { categories: [eventCategory], types: zoneCapacityEventTypes },
      followerOptions,
    );
  }

  protected async applyPage(page: ReadAllResult): Promise<void> {
    for (const target of latestCapacities(page.events)) {
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
}
