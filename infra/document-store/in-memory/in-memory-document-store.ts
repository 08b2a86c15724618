import type { Doc, DocumentCollection, DocumentStore } from '../../ports/document-store';
import { InMemoryCollection } from './in-memory-collection';

export type InMemoryDocumentStoreOptions = {
  /** Milliseconds since the epoch; TTL expiry reads it (tests pass a clock they move). */
  readonly now?: () => number;
};

/** The embedded DocumentStore: nothing persists, read models are rebuilt from events at boot. */
export class InMemoryDocumentStore implements DocumentStore {
  private readonly collections = new Map<string, InMemoryCollection<Doc>>();
  private readonly now: () => number;

  constructor(options: InMemoryDocumentStoreOptions = {}) {
    this.now = options.now ?? Date.now;
  }

  collection<T extends Doc = Doc>(name: string): DocumentCollection<T> {
    let collection = this.collections.get(name);
    if (!collection) {
      collection = new InMemoryCollection<Doc>(name, this.now);
      this.collections.set(name, collection);
    }
    return collection as unknown as DocumentCollection<T>;
  }

  async dropDatabase(): Promise<void> {
    for (const collection of this.collections.values()) await collection.drop();
  }

  async close(): Promise<void> {}
}
