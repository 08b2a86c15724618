import { parsePgCheckpoint } from '../../infra/eventstore/postgres';
import { startOfLog, type Checkpoint, type LogHead } from '../../infra/ports/event-store';
import { projectionStateCollection, type DocumentStore } from '../../infra/ports/document-store';
import type { SqlClient } from '../../infra/ports/sql';
import { relayedCategories } from '../../infra/integration-relay';
import { everyProjection } from '../../infra/testing/every-projection';
import type { ProjectionFilter } from '../../projections';

/** A follower of the event log and what it reads (the store filters the rest out for it). */
export type LogFollower = {
  readonly name: string;
  readonly kind: 'SQL projection' | 'booking saga' | 'document projection' | 'relay';
  readonly filter: ProjectionFilter | undefined;
};

/** The relay's checkpoint row and lock name (`IntegrationRelay`'s default, used by the product's module). */
export const relayName = 'integration-relay';

/** Every follower of the log that keeps a checkpoint: SQL projections, the saga, document projections, the relay. */
export const logFollowers: readonly LogFollower[] = [
  ...everyProjection.sql.map((projection): LogFollower => ({
    name: projection.name,
    kind: projection.name === 'booking-saga' ? 'booking saga' : 'SQL projection',
    filter: projection.filter,
  })),
  ...everyProjection.documents.map((projection): LogFollower => ({
    name: projection.name,
    kind: 'document projection',
    filter: projection.filter,
  })),
  { name: relayName, kind: 'relay', filter: { categories: Object.keys(relayedCategories) } },
];

/** Where a follower stands: its checkpoint when it is stored, else the last log position it read. */
export type FollowerPoint = { readonly checkpoint: Checkpoint } | { readonly position: number };

/** Checkpoints the SQL runners (projections, saga) and the relay keep in PostgreSQL. */
export async function sqlCheckpoints(sql: SqlClient): Promise<Map<string, FollowerPoint>> {
  const [tables] = await sql.query<{ projections: boolean; relay: boolean }>(
    `SELECT to_regclass('projection_state') IS NOT NULL AS projections,
            to_regclass('integration_relay_checkpoints') IS NOT NULL AS relay`,
  );
  const parts: string[] = [];
  if (tables?.projections) parts.push('SELECT name, checkpoint FROM projection_state');
  if (tables?.relay) parts.push('SELECT name, checkpoint FROM integration_relay_checkpoints');
  if (parts.length === 0) return new Map();
  const rows = await sql.query<{ name: string; checkpoint: string }>(parts.join(' UNION ALL '));
  return new Map(rows.map((row) => [row.name, { checkpoint: row.checkpoint as Checkpoint }]));
}

/** Checkpoints of the document projections, from their state documents (MongoDB/FerretDB). */
export async function documentCheckpoints(documents: DocumentStore): Promise<Map<string, FollowerPoint>> {
  const states = await documents
    .collection<{ _id: string; live?: { checkpoint?: string } }>(projectionStateCollection)
    .find({});
  return new Map(
    states.map((state) => [state._id, { checkpoint: (state.live?.checkpoint ?? startOfLog) as Checkpoint }]),
  );
}

/**
 * Positions of the projections a process runs, from its admin API (`GET /api/v1/admin/projections`):
 * the only view of document projections kept in a process's memory. Lag 0 there means caught up.
 */
export async function adminApiPositions(
  url: string,
  token: string,
): Promise<Map<string, { position: number; lag: number }>> {
  const response = await fetch(`${url}/api/v1/admin/projections`, {
    headers: { authorization: `Bearer ${token}` },
    signal: AbortSignal.timeout(5000),
  });
  if (!response.ok) throw new Error(`GET /admin/projections answered ${response.status}`);
  const body = (await response.json()) as { data: { name: string; position: number; lag: number }[] };
  return new Map(body.data.map((view) => [view.name, { position: view.position, lag: view.lag }]));
}

/** The oldest event a follower reads and has not processed: its position and age. */
export type Unprocessed = { readonly position: number; readonly ageSeconds: number };

/**
 * The first event after `point` that the follower's filter lets through, below the read horizon (what
 * `readAll` would give it next), and how long ago it was appended; undefined when there is none.
 */
export async function oldestUnprocessed(
  sql: SqlClient,
  point: FollowerPoint,
  filter: ProjectionFilter | undefined,
): Promise<Unprocessed | undefined> {
  const params: unknown[] = [];
  let after: string;
  if ('checkpoint' in point) {
    const { transactionId, position } = parsePgCheckpoint(point.checkpoint);
    params.push(transactionId.toString(), position.toString());
    after = '(transaction_id, position) > ($1::xid8, $2::bigint)';
  } else {
    params.push(point.position);
    after = 'position > $1::bigint';
  }
  let where = `${after} AND transaction_id < pg_snapshot_xmin(pg_current_snapshot())`;
  if (filter?.categories) {
    params.push(filter.categories);
    where += ` AND category = ANY($${params.length}::text[])`;
  }
  if (filter?.types) {
    params.push(filter.types);
    where += ` AND type = ANY($${params.length}::text[])`;
  }
  const order = 'checkpoint' in point ? 'transaction_id, position' : 'position';
  const [row] = await sql.query<{ position: string; age: number }>(
    `SELECT position::text AS position, extract(epoch FROM clock_timestamp() - created_at)::float8 AS age
       FROM es_events WHERE ${where} ORDER BY ${order} LIMIT 1`,
    params,
  );
  return row ? { position: Number(row.position), ageSeconds: Math.max(0, row.age) } : undefined;
}

/** True when the follower has read everything up to the head (no lookup needed). */
export function reachedHead(point: FollowerPoint, head: LogHead): boolean {
  return 'checkpoint' in point ? point.checkpoint >= head.checkpoint : point.position >= head.position;
}
