import { describeDocumentStoreContract, manualClock } from '../../ports/document-store/contract';
import { InMemoryDocumentStore } from './in-memory-document-store';

const clock = manualClock();

describeDocumentStoreContract('in-memory (mingo)', {
  expiresDocuments: true,
  clock,
  open: async () => new InMemoryDocumentStore({ now: clock.now }),
  async close(store) {
    await store.dropDatabase();
    await store.close();
  },
});
