import {
  assertValidCollectionName,
  physicalCollectionName,
  type Doc,
  type DocumentStore,
} from '../../infra/ports/document-store';
import type { DocumentProjection, GenerationCollections } from './document-projection';

export function collectionsOf(
  store: DocumentStore,
  projection: DocumentProjection,
  generation: number,
): GenerationCollections {
  const owned = new Set(projection.collections);
  return {
    generation,
    scope: store,
    get<T extends Doc = Doc>(logical: string) {
      if (!owned.has(logical)) {
        throw new TypeError(`Projection ${projection.name} does not own a collection named ${logical}`);
      }
      return store.collection<T>(physicalCollectionName(logical, generation));
    },
  };
}

export function assertValidProjection(projection: DocumentProjection): void {
  projection.collections.forEach(assertValidCollectionName);
  if (!Number.isInteger(projection.version) || projection.version < 1) {
    throw new TypeError(`Projection ${projection.name} needs a positive integer version`);
  }
}

export async function dropGeneration(
  store: DocumentStore,
  projection: DocumentProjection,
  generation: number,
): Promise<void> {
  const collections = collectionsOf(store, projection, generation);
  for (const logical of projection.collections) await collections.get(logical).drop();
}
