import type { Doc, DocumentCollection, DocumentStore } from './document-store';

/**
 * Where document projections keep their state: one document per projection, `_id` = its name, with the
 * generation readers must use. Projections write it; query code only reads `generation`.
 */
export const projectionStateCollection = 'projection_state';

// Leaves room for the `_g<generation>` suffix within MongoDB's namespace limits.
const logicalNamePattern = /^[a-z_][a-z0-9_]{0,39}$/;

export function assertValidCollectionName(name: string): void {
  if (!logicalNamePattern.test(name)) {
    throw new TypeError(
      `Read-model collection name ${JSON.stringify(name)} must match ${logicalNamePattern}`,
    );
  }
}

export function physicalCollectionName(logical: string, generation: number): string {
  return `${logical}_g${generation}`;
}

/**
 * The live generation's collection of a document read model, for query code. Before the projection
 * has ever run, generation 1 (empty until it does).
 */
export async function liveCollection<T extends Doc = Doc>(
  store: DocumentStore,
  projection: string,
  logical: string,
): Promise<DocumentCollection<T>> {
  const [state] = await store
    .collection<{ _id: string; generation?: number }>(projectionStateCollection)
    .find({ _id: projection }, { projection: { generation: 1 } });
  return store.collection<T>(physicalCollectionName(logical, state?.generation ?? 1));
}
