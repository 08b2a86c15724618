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
      snapshot[logical] = documents.map((document) => JSON.stringify(document)).sort();
    }
  }
  return snapshot;
}

export function rowCounts(snapshot: Record<string, string[]>): Record<string, number> {
  return Object.fromEntries(Object.entries(snapshot).map(([name, rows]) => [name, rows.length]));
}
