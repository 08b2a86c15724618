import { looksLikeUuid } from '../../domain/catalog';
import type { SqlExecutor } from '../../infra/ports/sql';
import {
  catalogTables as views,
  eventColumns,
  showColumns,
  zoneColumns,
  type SelectedEventRow,
  type SelectedShowRow,
  type SelectedZoneRow,
} from '../../projections/catalog/schema';
import { toEventSummary, toShow, toZone, type EventSummary } from './read-model';

const columns = {
  events: eventColumns.join(', '),
  shows: showColumns.join(', '),
  zones: zoneColumns.join(', '),
};

export type EventListQuery = { search?: string; category?: string; page: number; pageSize: number };

/** `%text%` for ILIKE, with the user's own `%`, `_` and `\` matched literally. */
const containing = (text: string) => `%${text.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;

/** Published events, soonest first, filtered by text (name, description, venue) and category. */
export async function listPublishedEvents(
  db: SqlExecutor,
  query: EventListQuery,
): Promise<{ items: EventSummary[]; total: number }> {
  const where = `status = 'published'
    AND ($1::text IS NULL OR name ILIKE $1 ESCAPE '\\' OR description ILIKE $1 ESCAPE '\\' OR venue ILIKE $1 ESCAPE '\\')
    AND ($2::text IS NULL OR lower(category) = lower($2))`;
  const filters = [query.search ? containing(query.search) : null, query.category ?? null];
  const [count] = await db.query<{ total: number | string }>(
    `SELECT count(*) AS total FROM ${views.events} WHERE ${where}`,
    filters,
  );
  const rows = await db.query<SelectedEventRow>(
    `SELECT ${columns.events} FROM ${views.events} WHERE ${where} ORDER BY starts_at, id LIMIT $3 OFFSET $4`,
    [...filters, query.pageSize, (query.page - 1) * query.pageSize],
  );
  return { items: rows.map(toEventSummary), total: Number(count?.total ?? 0) };
}

export type CategoryCount = {
  /** The first spelling in alphabetical order of those that differ only in case. */
  readonly name: string;
  /** Published events in the category. */
  readonly events: number;
};

/**
 * The categories of published events with how many each has, for the event list's filter. Spellings
 * that differ only in case are one category (the filter matches case-insensitively), shown as the first
 * spelling in alphabetical order.
 */
export async function listCategories(db: SqlExecutor): Promise<CategoryCount[]> {
  const rows = await db.query<{ name: string; events: number | string }>(
    `SELECT min(category) AS name, count(*) AS events FROM ${views.events}
     WHERE status = 'published' AND category IS NOT NULL
     GROUP BY lower(category) ORDER BY lower(category)`,
  );
  return rows.map((row) => ({ name: row.name, events: Number(row.events) }));
}

export type OwnEventListQuery = {
  /** Only this organizer's events; undefined for every event (an admin). */
  organizerId?: string;
  status?: EventSummary['status'];
  page: number;
  pageSize: number;
};

/** Events of any status, newest created first: what an organizer (or an admin) manages. */
export async function listOwnEvents(
  db: SqlExecutor,
  query: OwnEventListQuery,
): Promise<{ items: EventSummary[]; total: number }> {
  const where = `($1::text IS NULL OR organizer_id = $1) AND ($2::text IS NULL OR status = $2)`;
  const filters = [query.organizerId ?? null, query.status ?? null];
  const [count] = await db.query<{ total: number | string }>(
    `SELECT count(*) AS total FROM ${views.events} WHERE ${where}`,
    filters,
  );
  const rows = await db.query<SelectedEventRow>(
    `SELECT ${columns.events} FROM ${views.events} WHERE ${where}
     ORDER BY created_at DESC, id DESC LIMIT $3 OFFSET $4`,
    [...filters, query.pageSize, (query.page - 1) * query.pageSize],
  );
  return { items: rows.map(toEventSummary), total: Number(count?.total ?? 0) };
}

export type EventDetail = {
  readonly event: EventSummary;
  readonly shows: ReturnType<typeof toShow>[];
  readonly zones: ReturnType<typeof toZone>[];
};

/** One event by id or slug, with its shows (in start order) and their zones (in creation order). */
export async function findEvent(db: SqlExecutor, idOrSlug: string): Promise<EventDetail | undefined> {
  const [row] = await db.query<SelectedEventRow>(
    `SELECT ${columns.events} FROM ${views.events} WHERE ${looksLikeUuid(idOrSlug) ? 'id' : 'slug'} = $1`,
    [idOrSlug],
  );
  if (!row) return undefined;
  const shows = await db.query<SelectedShowRow>(
    `SELECT ${columns.shows} FROM ${views.shows} WHERE event_id = $1 ORDER BY starts_at, created_position`,
    [row.id],
  );
  const zones = await db.query<SelectedZoneRow>(
    `SELECT ${columns.zones} FROM ${views.zones} WHERE event_id = $1 ORDER BY created_position`,
    [row.id],
  );
  return { event: toEventSummary(row), shows: shows.map(toShow), zones: zones.map(toZone) };
}

export type ShowZones = {
  readonly eventStatus: EventSummary['status'];
  readonly organizerId: string;
  readonly zones: ReturnType<typeof toZone>[];
};

/** The zones of one show with what decides who may see them; undefined for an unknown show. */
export async function findShowZones(db: SqlExecutor, showId: string): Promise<ShowZones | undefined> {
  if (!looksLikeUuid(showId)) return undefined;
  const [show] = await db.query<Pick<SelectedEventRow, 'status' | 'organizer_id'>>(
    `SELECT e.status, e.organizer_id FROM ${views.shows} s JOIN ${views.events} e ON e.id = s.event_id WHERE s.id = $1`,
    [showId],
  );
  if (!show) return undefined;
  const zones = await db.query<SelectedZoneRow>(
    `SELECT ${columns.zones} FROM ${views.zones} WHERE show_id = $1 ORDER BY created_position`,
    [showId],
  );
  return { eventStatus: show.status, organizerId: show.organizer_id, zones: zones.map(toZone) };
}
