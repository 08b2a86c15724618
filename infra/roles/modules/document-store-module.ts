import { ContainerModule } from 'inversify';
import type { Config } from '../../config';
import { TOKENS } from '../../di';
import { InMemoryDocumentStore } from '../../document-store/in-memory';
import { MongoDocumentStore } from '../../document-store/mongo';
import type { DocumentStore } from '../../ports/document-store';
import { StartupError } from '../startup-error';
import { DocumentTokens } from './document-tokens';

export async function openDocumentStore(config: Config): Promise<DocumentStore> {
  if (!config.mongoUrl) return new InMemoryDocumentStore();
  try {
    return await MongoDocumentStore.connect({ url: config.mongoUrl });
  } catch (error) {
    throw new StartupError(error instanceof Error ? error.message : String(error), { cause: error });
  }
}

/** The document store behind analytics, audit search and notifications; closed on shutdown. */
export const documentStoreModule = new ContainerModule(({ bind }) => {
  bind(DocumentTokens.Store).toResolvedValue(openDocumentStore, [TOKENS.Config]).inSingletonScope();
  bind(DocumentTokens.Shared).toResolvedValue((config: Config) => Boolean(config.mongoUrl), [TOKENS.Config]);
  bind(TOKENS.BackgroundService).toResolvedValue(
    (store: DocumentStore) => ({ name: 'document-store', start: async () => {}, stop: () => store.close() }),
    [DocumentTokens.Store],
  );
});
