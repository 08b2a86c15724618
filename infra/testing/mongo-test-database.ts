import { randomBytes } from 'node:crypto';
import { MongoDocumentStore } from '../document-store/mongo';

export type TestMongoDatabase = { readonly url: string; drop(): Promise<void> };

/** A database of the test's own on the test server (`TEST_MONGO_URL`), named `<prefix>_<random>`. */
export function createTestMongoDatabase(prefix: string): TestMongoDatabase {
  const base = process.env.TEST_MONGO_URL;
  if (!base) throw new Error('TEST_MONGO_URL is not set: run `npm test`, or source .services/env');
  const dbName = `${prefix}_${randomBytes(5).toString('hex')}`;
  const url = new URL(base);
  url.pathname = `/${dbName}`;
  return {
    url: url.toString(),
    async drop() {
      const store = await MongoDocumentStore.connect({ url: base, dbName });
      await store.dropDatabase();
      await store.close();
    },
  };
}
