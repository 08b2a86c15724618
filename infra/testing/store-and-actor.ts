// For suites that need an event store and an inventory actor side by side (provisioner, recovery, checker, sweeper).
import { after, before } from 'node:test';
import type { EventStore } from '../ports/event-store';
import type { InventoryActor } from '../ports/inventory-actor';
import { databaseDrivers } from './database-drivers';

export type StoreAndActor = { readonly store: EventStore; readonly actor: InventoryActor };

/**
 * Registers hooks in the enclosing `describe`: before it, a PGlite event store and `openActor()`, handed to
 * `use`; after it, both closed.
 */
export function storeAndActorPerSuite(
  openActor: () => Promise<InventoryActor>,
  use: (opened: StoreAndActor) => void,
): void {
  const [pglite] = databaseDrivers;
  let close: (() => Promise<void>) | undefined;
  before(async () => {
    const db = await pglite!.open();
    const actor = await openActor();
    close = async () => {
      await actor.close();
      await db.close();
    };
    use({ store: db.store, actor });
  });
  after(() => close?.());
}
