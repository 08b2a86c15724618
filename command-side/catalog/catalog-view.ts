import type { SaleTerms } from '../../domain/booking';
import {
  catalogEventTypes,
  eventCategory,
  evolve,
  initialEventState,
  type CatalogEvent,
  type ExistingEvent,
} from '../../domain/catalog';
import { categoryOf, startOfLog, type Checkpoint, type RecordedEvent } from '../../infra/ports/event-store';

/** Everything a reservation needs to know about a zone, without a database read: its sale terms too. */
export type ZoneForSale = SaleTerms & {
  readonly zoneId: string;
  readonly showId: string;
  readonly eventId: string;
  readonly name: string;
  readonly price: number;
  readonly currency: string;
  readonly capacity: number;
};

const known = new Set<string>(catalogEventTypes);

/**
 * The catalog in memory: every event aggregate folded with the decider's own `evolve`, plus indexes
 * zone → sale facts and show → event. Fed in log order by the follower; answers synchronously.
 */
export class CatalogView {
  private readonly events = new Map<string, ExistingEvent>();
  private readonly zones = new Map<string, ZoneForSale>();
  private readonly showEvents = new Map<string, string>();
  private readonly withWaitingRoom = new Set<string>();
  private position: Checkpoint = startOfLog;

  /** Where the view stands in the global log. */
  get checkpoint(): Checkpoint {
    return this.position;
  }

  /** Applies a page of the log (in log order) and moves to the checkpoint the page ended at. */
  apply(events: readonly RecordedEvent[], checkpoint: Checkpoint): void {
    for (const recorded of events) {
      if (categoryOf(recorded.streamId) !== eventCategory || !known.has(recorded.type)) continue;
      const eventId = recorded.streamId.slice(eventCategory.length + 1);
      const next = evolve(this.events.get(eventId) ?? initialEventState, {
        type: recorded.type,
        data: recorded.data,
      } as CatalogEvent);
      if (next.exists) this.index(next);
    }
    if (checkpoint > this.position) this.position = checkpoint;
  }

  event(eventId: string): ExistingEvent | undefined {
    return this.events.get(eventId);
  }

  zone(zoneId: string): ZoneForSale | undefined {
    return this.zones.get(zoneId);
  }

  /** Zones of published events whose sale window holds `now` and whose show has not begun. */
  *zonesOnSale(now: Date): Iterable<ZoneForSale> {
    const at = now.getTime();
    for (const zone of this.zones.values()) {
      const open =
        Date.parse(zone.saleStartsAt) <= at &&
        at < Date.parse(zone.saleEndsAt) &&
        at < Date.parse(zone.showStartsAt);
      if (zone.eventStatus === 'published' && open) yield zone;
    }
  }

  /** Events that have (or had) a waiting room configured, enabled or not. */
  *eventsWithWaitingRoom(): Iterable<ExistingEvent> {
    for (const eventId of this.withWaitingRoom) yield this.events.get(eventId)!;
  }

  eventIdOfShow(showId: string): string | undefined {
    return this.showEvents.get(showId);
  }

  eventIdOfZone(zoneId: string): string | undefined {
    return this.zones.get(zoneId)?.eventId;
  }

  private index(event: ExistingEvent): void {
    this.events.set(event.id, event);
    if (event.waitingRoom) this.withWaitingRoom.add(event.id);
    const { saleStartsAt, saleEndsAt, maxTicketsPerUser } = event.details;
    for (const show of event.shows) {
      this.showEvents.set(show.id, event.id);
      for (const zone of show.zones) {
        this.zones.set(zone.id, {
          zoneId: zone.id,
          showId: show.id,
          eventId: event.id,
          name: zone.name,
          price: zone.price,
          currency: zone.currency,
          capacity: zone.capacity,
          showStartsAt: show.startsAt,
          saleStartsAt,
          saleEndsAt,
          maxTicketsPerUser,
          eventStatus: event.status,
        });
      }
    }
  }
}
