import { randomBytes } from 'node:crypto';
import { InMemoryDocumentStore } from '../../infra/document-store/in-memory';
import { MongoDocumentStore } from '../../infra/document-store/mongo';
import { checkpointStoreContract } from '../../infra/log-follower';
import type { DocumentStore } from '../../infra/ports/document-store';
import { databaseDrivers } from '../../infra/testing';
import { DocumentStateStore, firstCursor, type GenerationCursor, type StoredRebuild } from './document-state';
import { LiveGenerationCheckpoints, RebuildCheckpoints } from './generation-checkpoints';

const [pglite, postgres] = databaseDrivers;

const setups = [
  { name: 'in memory', driver: pglite!, open: async () => new InMemoryDocumentStore(), drop: async () => {} },
  {
    name: 'FerretDB',
    driver: postgres!,
    async open(): Promise<DocumentStore> {
      const url = process.env.TEST_MONGO_URL;
      if (!url) throw new Error('TEST_MONGO_URL is not set: run `npm test` or source .services/env');
      return MongoDocumentStore.connect({ url, dbName: `checkpoints_${randomBytes(5).toString('hex')}` });
    },
    drop: (documents: DocumentStore) => (documents as MongoDocumentStore).dropDatabase(),
  },
];

for (const setup of setups) {
  const open = async () => {
    const database = await setup.driver.open();
    const documents = await setup.open();
    const states = new DocumentStateStore(documents, 'counter');
    await states.loadOrCreate(1);
    const close = async () => {
      await setup.drop(documents);
      await documents.close();
      await database.close();
    };
    return { log: database.store, states, close };
  };

  // One instance applies a document projection (its lock), so the state document is not fenced.
  checkpointStoreContract<GenerationCursor, void>(
    `a document projection's live generation ${setup.name}`,
    { durable: true, fenced: false },
    async () => {
      const { log, states, close } = await open();
      return {
        log,
        checkpoints: () => new LiveGenerationCheckpoints(states),
        close,
      };
    },
  );

  checkpointStoreContract<StoredRebuild, void>(
    `a document projection's rebuild ${setup.name}`,
    { durable: true, fenced: false, positions: 'with-head' },
    async () => {
      const { log, states, close } = await open();
      await states.saveRebuild({ ...firstCursor(2), version: 1, total: 0, startedAt: new Date() });
      return {
        log,
        checkpoints: () => new RebuildCheckpoints(states),
        close,
      };
    },
  );
}
