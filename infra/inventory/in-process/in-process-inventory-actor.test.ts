import { describeInventoryActorContract } from '../../ports/inventory-actor/contract';
import { InProcessInventoryActor } from './in-process-inventory-actor';

describeInventoryActorContract('in-process (embedded)', {
  open: async () => new InProcessInventoryActor(),
  close: (actor) => actor.close(),
});
