import type { DocumentProjection } from '../../projections/documents';
import type { SqlProjection } from '../../projections';
import { liveCollection, type DocumentStore } from '../../infra/ports/document-store';
import type { SqlClient } from '../../infra/ports/sql';

/** Every row of every SQL read model (through the logical views, i.e. the live generation), ordered. */
export async function sqlSnapshot(
  sql: SqlClient,
  projections: readonly SqlProjection[],
): Promise<Record<string, string[]>> {
  const snapshot: Record<string, string[]> = {};
  for (const projection of projections) {
    for (const table of projection.tables) {
      const rows = await sql.query<{ row: string }>(
        `SELECT row_to_json(t)::text AS row FROM ${table} t ORDER BY 1`,
      );
      snapshot[table] = rows.map((row) => row.row);
    }
  }
  return snapshot;
}

/**
 * JSON with every object's keys sorted: a document's field order depends on which write created a field
 * first (an upsert of a batch of 1 or of 500), and no reader depends on it.
 */
function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) =>
    inner && typeof inner === 'object' && !Array.isArray(inner)
      ? Object.fromEntries(Object.entries(inner).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : inner,
  );
}

/** Every document of every document read model's live generation, ordered by `_id`. */
export async function documentSnapshot(
  store: DocumentStore,
  projections: readonly DocumentProjection[],
): Promise<Record<string, string[]>> {
  const snapshot: Record<string, string[]> = {};
  for (const projection of projections) {
    for (const logical of projection.collections) {
      const collection = await liveCollection(store, projection.name, logical);
      const documents = await collection.find({});
      snapshot[logical] = documents.map(canonicalJson).sort();
    }
  }
  return snapshot;
}

export function rowCounts(snapshot: Record<string, string[]>): Record<string, number> {
  return Object.fromEntries(Object.entries(snapshot).map(([name, rows]) => [name, rows.length]));
}
