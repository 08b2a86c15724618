import type { SqlExecutor } from '../../infra/ports/sql';
import type { TableNames } from '../runner';

/** Logical names: queries read these views, which point at the active generation. */
export const catalogTables = {
  events: 'rm_catalog_events',
  shows: 'rm_catalog_shows',
  zones: 'rm_catalog_zones',
} as const;

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
