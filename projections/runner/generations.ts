import type { SqlClient, SqlExecutor } from '../../infra/ports/sql';
import { insertState } from './projection-state';
import { ensureStateTable } from './state-schema';
import type { SqlProjection } from '../../infra/log-follower';
import { physicalTableName, tableNamesFor } from './table-names';

/** Creates the state table and, for a projection seen for the first time, its row and generation 1. */
export async function ensureFirstGeneration(sql: SqlClient, projection: SqlProjection): Promise<void> {
  await ensureStateTable(sql);
  await sql.transaction(async (tx) => {
    if (!(await insertState(tx, projection.name, projection.version))) return;
    await createGeneration(tx, projection, 1);
    await pointViewsAt(tx, projection, 1);
  });
}

/** Creates a generation's tables, first dropping any left by an interrupted rebuild. */
export async function createGeneration(
  tx: SqlExecutor,
  projection: SqlProjection,
  generation: number,
): Promise<void> {
  await dropGeneration(tx, projection, generation);
  await projection.setup(tx, tableNamesFor(projection, generation));
}

/** Points each logical view at the generation; readers of the logical name see the swap at commit. */
export async function pointViewsAt(
  tx: SqlExecutor,
  projection: SqlProjection,
  generation: number,
): Promise<void> {
  for (const logical of projection.tables) {
    await tx.exec(
      `DROP VIEW IF EXISTS ${logical}; CREATE VIEW ${logical} AS SELECT * FROM ${physicalTableName(logical, generation)}`,
    );
  }
}

export async function dropGeneration(
  tx: SqlExecutor,
  projection: SqlProjection,
  generation: number,
): Promise<void> {
  if (projection.tables.length === 0) return;
  const tables = projection.tables.map((logical) => physicalTableName(logical, generation));
  await tx.exec(`DROP TABLE IF EXISTS ${tables.join(', ')}`);
}
