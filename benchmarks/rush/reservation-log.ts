import { randomUUID } from 'node:crypto';
import { bookingDecider, bookingStreamId } from '../../domain/booking';
import type { EventStore } from '../../infra/ports/event-store';

export type ReservationLog = {
  readonly eventId: string;
  readonly zoneIds: readonly string[];
  /** Seconds the appends took (incidental: the replay benchmark measures appends). */
  readonly seconds: number;
};

/**
 * `count` reservations as the command side writes them: one `BookingReserved` per new booking stream,
 * decided by the booking decider, appended with `no_stream` by `concurrency` callers at once (the
 * store's group commit gathers them), each by a buyer of its own, holds expiring in `ttlSeconds`.
 */
export async function appendReservations(
  store: EventStore,
  count: number,
  options: { concurrency?: number; ttlSeconds?: number } = {},
): Promise<ReservationLog> {
  const eventId = randomUUID();
  const showId = randomUUID();
  const zoneIds = Array.from({ length: 4 }, () => randomUUID());
  const ttlMs = (options.ttlSeconds ?? 600) * 1000;
  let next = 0;
  const started = performance.now();
  const worker = async () => {
    while (next < count) {
      const n = next++;
      const bookingId = randomUUID();
      const userId = randomUUID();
      const now = new Date();
      const events = bookingDecider.decide(
        {
          type: 'Reserve',
          bookingId,
          userId,
          eventId,
          showId,
          zoneId: zoneIds[n % zoneIds.length]!,
          quantity: 1,
          unitPrice: 150_000,
          currency: 'THB',
          expiresAt: new Date(now.getTime() + ttlMs),
          now,
        },
        bookingDecider.initialState,
      );
      const metadata = { userId, role: 'customer', correlationId: randomUUID() };
      await store.append(
        bookingStreamId(bookingId),
        events.map((event) => ({ type: event.type, data: event.data, metadata })),
        'no_stream',
      );
    }
  };
  await Promise.all(Array.from({ length: options.concurrency ?? 256 }, worker));
  return { eventId, zoneIds, seconds: (performance.now() - started) / 1000 };
}
