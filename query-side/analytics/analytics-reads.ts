import { liveCollection, type DocumentStore, type Filter } from '../../infra/ports/document-store';
import {
  analyticsCollections as views,
  analyticsProjectionName,
  type DailyDocument,
  type EventDocument,
  type MinuteDocument,
  type ZoneDocument,
} from '../../projections/analytics/schema';

const view = <T extends Record<string, unknown>>(store: DocumentStore, logical: string) =>
  liveCollection<T>(store, analyticsProjectionName, logical);

export async function findEvent(store: DocumentStore, eventId: string): Promise<EventDocument | undefined> {
  const [doc] = await (await view<EventDocument>(store, views.events)).find({ _id: eventId });
  return doc;
}

/** Every event with its totals; only those of `organizerId` when given. */
export async function listEvents(store: DocumentStore, organizerId?: string): Promise<EventDocument[]> {
  const events = await view<EventDocument>(store, views.events);
  return events.find(organizerId === undefined ? {} : { organizerId });
}

export async function findZone(store: DocumentStore, zoneId: string): Promise<ZoneDocument | undefined> {
  const [doc] = await (await view<ZoneDocument>(store, views.zones)).find({ _id: zoneId });
  return doc;
}

export async function zonesOf(store: DocumentStore, eventId: string): Promise<ZoneDocument[]> {
  return (await view<ZoneDocument>(store, views.zones)).find({ eventId }, { sort: { _id: 1 } });
}

const ofZone = (zoneId: string | undefined): Filter => (zoneId === undefined ? {} : { zoneId });

/** Minute counters of an event in [from, to], both inclusive. */
export async function minutesOf(
  store: DocumentStore,
  eventId: string,
  range: { from: Date; to: Date; zoneId?: string },
): Promise<MinuteDocument[]> {
  const minutes = await view<MinuteDocument>(store, views.minutes);
  return minutes.find({ eventId, minute: { $gte: range.from, $lte: range.to }, ...ofZone(range.zoneId) });
}

/** Daily counters of an event from `from` to `to` (`YYYY-MM-DD`, both inclusive); all days without a range. */
export async function daysOf(
  store: DocumentStore,
  eventId: string,
  range: { from?: string; to?: string; zoneId?: string } = {},
): Promise<DailyDocument[]> {
  const daily = await view<DailyDocument>(store, views.daily);
  const day =
    range.from === undefined || range.to === undefined ? {} : { day: { $gte: range.from, $lte: range.to } };
  return daily.find({ eventId, ...day, ...ofZone(range.zoneId) });
}
