import { after, before, describe } from 'node:test';
import type { InventoryActorFixture } from './contract-support';
import { describeHoldContract } from './contract-holds';
import { describeLifecycleContract } from './contract-lifecycle';
import { describeOneCallContract } from './contract-one-call';
import { describePassContract } from './contract-passes';
import { describeReturnContract } from './contract-returns';
import type { InventoryActor } from './inventory-actor';

export type { InventoryActorFixture } from './contract-support';

/** The InventoryActor port's contract: every adapter runs this same suite. */
export function describeInventoryActorContract(adapterName: string, fixture: InventoryActorFixture): void {
  describe(`InventoryActor contract: ${adapterName}`, () => {
    let actor: InventoryActor;
    before(async () => {
      actor = await fixture.open();
    });
    after(async () => {
      await fixture.close(actor);
    });
    describeHoldContract(() => actor);
    describeLifecycleContract(() => actor);
    describeReturnContract(() => actor);
    describeOneCallContract(() => actor);
    describePassContract(() => actor);
  });
}
