import { catalogEventTypes, eventCategory, type CatalogEvent } from '../../domain/catalog';
import type { RecordedEvent } from '../../infra/ports/event-store';
import type { SqlExecutor } from '../../infra/ports/sql';
import type { SqlProjection, TableNames } from '../runner';
import { CatalogBatch } from './catalog-batch';
import {
  catalogTables,
  eventColumns,
  setupCatalogTables,
  showColumns,
  zoneColumns,
  type EventRow,
  type ShowRow,
  type ZoneRow,
} from './schema';

/** Every column except the key takes the incoming value on conflict. */
const updateAll = (columns: readonly string[]) =>
  columns
    .filter((column) => column !== 'id')
    .map((column) => `${column} = EXCLUDED.${column}`)
    .join(', ');

/** Rows as JSON in, a set of records out: one statement whatever the batch size. */
async function upsert<Row extends object>(
  tx: SqlExecutor,
  table: string,
  columns: readonly (keyof Row & string)[],
  rows: readonly Row[],
): Promise<void> {
  if (rows.length === 0) return;
  const list = columns.join(', ');
  await tx.query(
    `INSERT INTO ${table} (${list})
     SELECT ${list} FROM jsonb_populate_recordset(NULL::${table}, $1::jsonb)
     ON CONFLICT (id) DO UPDATE SET ${updateAll(columns)}`,
    [JSON.stringify(rows)],
  );
}

/** Rows as JSON objects (timestamps as text), ready to be written back by `upsert`. */
async function readRows<Row>(tx: SqlExecutor, table: string, ids: readonly string[]): Promise<Row[]> {
  if (ids.length === 0) return [];
  const rows = await tx.query<{ row: Row }>(
    `SELECT to_jsonb(t) AS row FROM ${table} t WHERE id = ANY($1::text[])`,
    [ids],
  );
  return rows.map(({ row }) => row);
}

const known = new Set<string>(catalogEventTypes);

async function apply(tx: SqlExecutor, recorded: readonly RecordedEvent[], tables: TableNames): Promise<void> {
  const events = recorded
    .filter((event) => known.has(event.type))
    .map((event) => ({
      event: { type: event.type, data: event.data } as CatalogEvent,
      position: event.position,
    }));
  const eventsTable = tables.get(catalogTables.events);
  const showsTable = tables.get(catalogTables.shows);
  const zonesTable = tables.get(catalogTables.zones);
  const eventIds = [...new Set(events.map(({ event }) => event.data.eventId))];
  const updatedShowIds = [
    ...new Set(events.flatMap(({ event }) => (event.type === 'ShowUpdated' ? [event.data.showId] : []))),
  ];
  const updatedZoneIds = [
    ...new Set(events.flatMap(({ event }) => (event.type === 'ZoneUpdated' ? [event.data.zoneId] : []))),
  ];
  const batch = new CatalogBatch({
    events: await readRows<EventRow>(tx, eventsTable, eventIds),
    shows: await readRows<ShowRow>(tx, showsTable, updatedShowIds),
    zones: await readRows<ZoneRow>(tx, zonesTable, updatedZoneIds),
  });
  for (const { event, position } of events) batch.apply(event, position);
  await upsert(tx, eventsTable, eventColumns, [...batch.events.values()]);
  await upsert(tx, showsTable, showColumns, [...batch.shows.values()]);
  await upsert(tx, zonesTable, zoneColumns, [...batch.zones.values()]);
}

/**
 * The catalog read models: the event list (search, category, only published on the query side), event
 * detail with shows and zones, zones per show, an organizer's own events of any status. One projection owns the three tables so a batch
 * updates them together.
 */
export const catalogProjection: SqlProjection = {
  name: 'catalog',
  // 2: ShowUpdated, and indexes for the organizer's own list (newest created first).
  // 3: the event's waiting room (settings and paused) in rm_catalog_events.waiting_room.
  version: 3,
  tables: [catalogTables.events, catalogTables.shows, catalogTables.zones],
  filter: { categories: [eventCategory] },
  setup: setupCatalogTables,
  apply,
};
