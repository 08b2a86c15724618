import { after, before, describe } from 'node:test';
import { describeDeliveryContract } from './contract-delivery';
import { describeFailureContract } from './contract-failures';
import type { IntegrationBusFixture } from './contract-support';
import type { IntegrationBus } from './integration-bus';

export type { IntegrationBusFixture } from './contract-support';

/** The IntegrationBus port's contract: every adapter runs this same suite (one file per concern). */
export function describeIntegrationBusContract(adapterName: string, fixture: IntegrationBusFixture): void {
  describe(`IntegrationBus contract: ${adapterName}`, () => {
    let bus: IntegrationBus;
    before(async () => {
      bus = await fixture.open();
    });
    after(async () => {
      await fixture.close(bus);
    });
    const busOf = () => bus;
    describeDeliveryContract(busOf);
    describeFailureContract(busOf);
  });
}
