// The read models of this projection, as its queries (query-side/catalog) read them: the one place their
// tables, columns and rows are declared, so a renamed column fails to compile on both sides.
import type { EventStatus, WaitingRoom } from '../../domain/catalog';
import type { TableNames } from '../../infra/log-follower';
import type { SelectedRow, SqlExecutor } from '../../infra/ports/sql';

/** Logical names: queries read these views, which point at the active generation. */
export const catalogTables = {
  events: 'rm_catalog_events',
  shows: 'rm_catalog_shows',
  zones: 'rm_catalog_zones',
} as const;

/** Rows as written, keys are column names; timestamps stay ISO strings until PostgreSQL parses them. */
export type EventRow = {
  id: string;
  slug: string;
  status: EventStatus;
  organizer_id: string;
  tenant_id: string | null;
  name: string;
  description: string;
  venue: string;
  category: string | null;
  starts_at: string;
  sale_starts_at: string;
  sale_ends_at: string;
  max_tickets_per_user: number;
  created_at: string;
  updated_at: string;
  published_at: string | null;
  cancelled_at: string | null;
  /** A jsonb document: the room's settings and `paused`, null until a room is configured. */
  waiting_room: WaitingRoom | null;
};

export type ShowRow = {
  id: string;
  event_id: string;
  name: string | null;
  starts_at: string;
  created_position: number;
};

export type ZoneRow = {
  id: string;
  show_id: string;
  event_id: string;
  name: string;
  price: number;
  currency: string;
  capacity: number;
  created_position: number;
};

/** Rows as a query selects them. */
export type SelectedEventRow = SelectedRow<
  EventRow,
  never,
  | 'starts_at'
  | 'sale_starts_at'
  | 'sale_ends_at'
  | 'created_at'
  | 'updated_at'
  | 'published_at'
  | 'cancelled_at'
>;
export type SelectedShowRow = SelectedRow<ShowRow, 'created_position', 'starts_at'>;
export type SelectedZoneRow = SelectedRow<ZoneRow, 'price' | 'created_position'>;

/** Every column of each table, in table order. */
export const eventColumns = [
  'id',
  'slug',
  'status',
  'organizer_id',
  'tenant_id',
  'name',
  'description',
  'venue',
  'category',
  'starts_at',
  'sale_starts_at',
  'sale_ends_at',
  'max_tickets_per_user',
  'created_at',
  'updated_at',
  'published_at',
  'cancelled_at',
  'waiting_room',
] as const satisfies readonly (keyof EventRow)[];
export const showColumns = [
  'id',
  'event_id',
  'name',
  'starts_at',
  'created_position',
] as const satisfies readonly (keyof ShowRow)[];
export const zoneColumns = [
  'id',
  'show_id',
  'event_id',
  'name',
  'price',
  'currency',
  'capacity',
  'created_position',
] as const satisfies readonly (keyof ZoneRow)[];

export async function setupCatalogTables(tx: SqlExecutor, tables: TableNames): Promise<void> {
  const events = tables.get(catalogTables.events);
  const shows = tables.get(catalogTables.shows);
  const zones = tables.get(catalogTables.zones);
  await tx.exec(`
    CREATE TABLE ${events} (
      id text PRIMARY KEY,
      slug text NOT NULL,
      status text NOT NULL,
      organizer_id text NOT NULL,
      tenant_id text,
      name text NOT NULL,
      description text NOT NULL,
      venue text NOT NULL,
      category text,
      starts_at timestamptz NOT NULL,
      sale_starts_at timestamptz NOT NULL,
      sale_ends_at timestamptz NOT NULL,
      max_tickets_per_user integer NOT NULL,
      created_at timestamptz NOT NULL,
      updated_at timestamptz NOT NULL,
      published_at timestamptz,
      cancelled_at timestamptz,
      waiting_room jsonb
    );
    CREATE UNIQUE INDEX ${events}_slug ON ${events} (slug);
    CREATE INDEX ${events}_listing ON ${events} (status, starts_at, id);
    CREATE INDEX ${events}_organizer ON ${events} (organizer_id, created_at DESC, id DESC);
    CREATE INDEX ${events}_created ON ${events} (created_at DESC, id DESC);
    CREATE TABLE ${shows} (
      id text PRIMARY KEY,
      event_id text NOT NULL,
      name text,
      starts_at timestamptz NOT NULL,
      created_position bigint NOT NULL
    );
    CREATE INDEX ${shows}_event ON ${shows} (event_id, starts_at);
    CREATE TABLE ${zones} (
      id text PRIMARY KEY,
      show_id text NOT NULL,
      event_id text NOT NULL,
      name text NOT NULL,
      price bigint NOT NULL,
      currency text NOT NULL,
      capacity integer NOT NULL,
      created_position bigint NOT NULL
    );
    CREATE INDEX ${zones}_show ON ${zones} (show_id, created_position);
    CREATE INDEX ${zones}_event ON ${zones} (event_id, created_position);`);
}
