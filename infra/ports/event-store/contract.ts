import { after, before, describe } from 'node:test';
import { describeAppendContract } from './contract-appends';
import { describeIdempotencyContract } from './contract-idempotency';
import { describeReadingContract } from './contract-reading';
import type { EventStoreFixture } from './contract-support';
import { describeWatchingContract } from './contract-watching';
import type { EventStore } from './event-store';

export type { EventStoreFixture, HeldAppend } from './contract-support';

/** The EventStore port's contract: every adapter runs this same suite (one file per concern). */
export function describeEventStoreContract(adapterName: string, fixture: EventStoreFixture): void {
  describe(`EventStore contract: ${adapterName}`, () => {
    let store: EventStore;
    before(async () => {
      store = await fixture.open();
    });
    after(async () => {
      await fixture.close(store);
    });
    const storeOf = () => store;
    describeAppendContract(storeOf);
    describeReadingContract(storeOf, fixture);
    describeWatchingContract(storeOf, fixture);
    describeIdempotencyContract(storeOf, fixture);
  });
}
