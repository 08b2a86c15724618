import type { CatalogEvent, EventDetails } from '../../domain/catalog';
import type { EventRow, ShowRow, ZoneRow } from './schema';

const columnOf = {
  name: 'name',
  description: 'description',
  venue: 'venue',
  category: 'category',
  startsAt: 'starts_at',
  saleStartsAt: 'sale_starts_at',
  saleEndsAt: 'sale_ends_at',
  maxTicketsPerUser: 'max_tickets_per_user',
} as const satisfies Partial<Record<keyof EventDetails, keyof EventRow>>;

function changedColumns(changes: Partial<EventDetails>): Partial<EventRow> {
  const row: Record<string, unknown> = {};
  for (const [field, column] of Object.entries(columnOf)) {
    const value = changes[field as keyof EventDetails];
    if (value !== undefined) row[column] = value;
  }
  return row as Partial<EventRow>;
}

/** The batch's changes, folded in log order over the rows that existed before it. */
export class CatalogBatch {
  readonly events = new Map<string, EventRow>();
  readonly shows = new Map<string, ShowRow>();
  readonly zones = new Map<string, ZoneRow>();

  constructor(existing: {
    events: readonly EventRow[];
    shows: readonly ShowRow[];
    zones: readonly ZoneRow[];
  }) {
    for (const row of existing.events) this.events.set(row.id, row);
    for (const row of existing.shows) this.shows.set(row.id, row);
    for (const row of existing.zones) this.zones.set(row.id, row);
  }

  apply(event: CatalogEvent, position: number): void {
    if (event.type === 'EventCreated') {
      const { data } = event;
      this.events.set(data.eventId, {
        id: data.eventId,
        slug: data.slug,
        status: 'draft',
        organizer_id: data.organizerId,
        tenant_id: data.tenantId,
        name: data.name,
        description: data.description,
        venue: data.venue,
        category: data.category,
        starts_at: data.startsAt,
        sale_starts_at: data.saleStartsAt,
        sale_ends_at: data.saleEndsAt,
        max_tickets_per_user: data.maxTicketsPerUser,
        created_at: data.occurredAt,
        updated_at: data.occurredAt,
        published_at: null,
        cancelled_at: null,
        waiting_room: null,
      });
      return;
    }
    const row = this.events.get(event.data.eventId);
    if (!row) return; // an event of a stream whose creation this read model never saw: nothing to update
    row.updated_at = event.data.occurredAt;
    switch (event.type) {
      case 'EventUpdated':
        return void Object.assign(row, changedColumns(event.data.changes));
      case 'EventPublished':
        return void Object.assign(row, { status: 'published', published_at: event.data.occurredAt });
      case 'EventCancelled':
        return void Object.assign(row, { status: 'cancelled', cancelled_at: event.data.occurredAt });
      case 'ShowAdded': {
        const { showId, eventId, name, startsAt } = event.data;
        return void this.shows.set(showId, {
          id: showId,
          event_id: eventId,
          name,
          starts_at: startsAt,
          created_position: position,
        });
      }
      case 'ShowUpdated': {
        const show = this.shows.get(event.data.showId);
        const { name, startsAt } = event.data.changes;
        if (!show) return;
        if (name !== undefined) show.name = name;
        if (startsAt !== undefined) show.starts_at = startsAt;
        return;
      }
      case 'ZoneCreated': {
        const { zoneId, showId, eventId, name, price, currency, capacity } = event.data;
        const zone = { id: zoneId, show_id: showId, event_id: eventId, name, price, currency, capacity };
        return void this.zones.set(zoneId, { ...zone, created_position: position });
      }
      case 'ZoneUpdated': {
        const zone = this.zones.get(event.data.zoneId);
        if (zone) Object.assign(zone, { price: event.data.price, capacity: event.data.capacity });
        return;
      }
      case 'WaitingRoomConfigured': {
        const { enabled, preQueueOpensAt, admissionPerMinute, maxInside, passLifetimeSeconds } =
          event.data.settings;
        const paused = row.waiting_room?.paused ?? false;
        row.waiting_room = {
          enabled,
          preQueueOpensAt,
          admissionPerMinute,
          maxInside,
          passLifetimeSeconds,
          paused,
        };
        return;
      }
      case 'WaitingRoomPaused':
      case 'WaitingRoomResumed':
        if (row.waiting_room) {
          row.waiting_room = { ...row.waiting_room, paused: event.type === 'WaitingRoomPaused' };
        }
        return;
    }
  }
}
