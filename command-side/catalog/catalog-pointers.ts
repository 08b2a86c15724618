import {
  showPointerStreamId,
  zonePointerStreamId,
  type ShowIdReserved,
  type ZoneIdReserved,
} from '../../domain/catalog';
import type { EventMetadata } from '../../domain/shared';
import type { EventStore } from '../../infra/ports/event-store';
import type { CatalogView } from './catalog-view';

/**
 * Show and zone ids → their event. The in-memory view answers first; a miss (created a moment ago, or
 * in another process) reads the id's pointer stream, which needs no catch-up.
 */
export class CatalogPointers {
  constructor(
    private readonly store: EventStore,
    private readonly view: Pick<CatalogView, 'eventIdOfShow' | 'eventIdOfZone'>,
  ) {}

  async reserveShow(showId: string, eventId: string, metadata: EventMetadata): Promise<void> {
    const reserved: ShowIdReserved = { type: 'ShowIdReserved', data: { showId, eventId } };
    await this.store.append(showPointerStreamId(showId), [{ ...reserved, metadata }], 'no_stream');
  }

  async reserveZone(zoneId: string, showId: string, eventId: string, metadata: EventMetadata): Promise<void> {
    const reserved: ZoneIdReserved = { type: 'ZoneIdReserved', data: { zoneId, showId, eventId } };
    await this.store.append(zonePointerStreamId(zoneId), [{ ...reserved, metadata }], 'no_stream');
  }

  async eventOfShow(showId: string): Promise<string | undefined> {
    return this.view.eventIdOfShow(showId) ?? (await this.pointer(showPointerStreamId(showId)));
  }

  async eventOfZone(zoneId: string): Promise<string | undefined> {
    return this.view.eventIdOfZone(zoneId) ?? (await this.pointer(zonePointerStreamId(zoneId)));
  }

  private async pointer(streamId: string): Promise<string | undefined> {
    const [reserved] = await this.store.readStream(streamId, { limit: 1 });
    return (reserved?.data as { eventId?: string } | undefined)?.eventId;
  }
}
