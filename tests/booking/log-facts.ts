// What the event store (the source of truth) says about a zone, read straight from the log.
import type { BookingReserved } from '../../domain/booking';
import type { Checkpoint, EventStore } from '../../infra/ports/event-store';

/** Seats of every BookingReserved for `zoneId` in the log, whatever happened to them later. */
export async function reservedSeatsInLog(store: EventStore, zoneId: string): Promise<number> {
  let seats = 0;
  let after: Checkpoint | undefined;
  for (;;) {
    const page = await store.readAll({
      after,
      limit: 1000,
      categories: ['booking'],
      types: ['BookingReserved'],
    });
    for (const event of page.events) {
      const data = event.data as BookingReserved['data'];
      if (data.zoneId === zoneId) seats += data.quantity;
    }
    after = page.checkpoint;
    if (page.endOfLog) return seats;
  }
}
