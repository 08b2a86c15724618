import type { BookingEvent } from '../../domain/booking';
import type { ZoneCreated, ZoneUpdated } from '../../domain/catalog';
import type { ConfirmedBooking, LiveHold } from '../../infra/ports/inventory-actor';

/** A reservation the event store has not ended yet (no confirm, cancel, expiry or refund). */
export type Reservation = LiveHold;

/** One zone's seats as the event store says: the source of truth the actor's counters must match. */
export type ZoneLedger = {
  readonly eventId: string;
  readonly zoneId: string;
  /** The catalog's latest capacity; 0 while no ZoneCreated was seen for the zone. */
  readonly capacity: number;
  /** Reserved and not yet ended, by booking id, whether or not its expiry has passed. */
  readonly reserved: ReadonlyMap<string, Reservation>;
  /** Confirmed and not cancelled since, by booking id: the seats sold. */
  readonly confirmed: ReadonlyMap<string, ConfirmedBooking>;
};

type MutableZone = {
  eventId: string;
  zoneId: string;
  capacity: number;
  reserved: Map<string, Reservation>;
  confirmed: Map<string, ConfirmedBooking>;
};

/** Where a booking the ledger still tracks is; ended bookings are forgotten. */
type Open = { zoneId: string; status: 'reserved' | 'confirmed' };

/** The event types the ledger folds, so a catch-up reads no other. */
export const ledgerEventTypes: readonly LedgerEvent['type'][] = [
  'ZoneCreated',
  'ZoneUpdated',
  'BookingReserved',
  'BookingConfirmed',
  'BookingCancelled',
  'BookingExpired',
  'BookingRefunded',
];

type LedgerEvent = ZoneCreated | ZoneUpdated | Exclude<BookingEvent, { type: PaymentEventType }>;

type PaymentEventType = 'BookingPaymentRequested' | 'BookingPaymentFailed';

/**
 * The seat state of every zone as a fold over catalog zone events and booking events, in log order.
 * Pure (no clock, no I/O); it mutates in place because a load run folds hundreds of thousands of events.
 */
export class BookingLedger {
  readonly #zones = new Map<string, MutableZone>();
  readonly #open = new Map<string, Open>();

  zone(zoneId: string): ZoneLedger | undefined {
    return this.#zones.get(zoneId);
  }

  zones(): ZoneLedger[] {
    return [...this.#zones.values()];
  }

  apply(event: { readonly type: string; readonly data: unknown }): void {
    // Anything else (payment requests and failures included) changes no seats.
    const known = event as LedgerEvent;
    switch (known.type) {
      case 'ZoneCreated':
      case 'ZoneUpdated': {
        const { eventId, zoneId, capacity } = known.data;
        this.#zone(eventId, zoneId).capacity = capacity;
        return;
      }
      case 'BookingReserved': {
        const { bookingId, eventId, zoneId, userId, quantity, unitPrice, currency } = known.data;
        if (this.#open.has(bookingId)) return;
        const expiresAt = Date.parse(known.data.expiresAt);
        this.#zone(eventId, zoneId).reserved.set(bookingId, {
          bookingId,
          userId,
          quantity,
          unitPrice,
          currency,
          expiresAt,
        });
        this.#open.set(bookingId, { zoneId, status: 'reserved' });
        return;
      }
      case 'BookingConfirmed': {
        const { bookingId } = known.data;
        const open = this.#open.get(bookingId);
        if (open?.status !== 'reserved') return;
        const zone = this.#zones.get(open.zoneId)!;
        const { userId, quantity } = zone.reserved.get(bookingId)!;
        zone.reserved.delete(bookingId);
        zone.confirmed.set(bookingId, { bookingId, userId, quantity });
        open.status = 'confirmed';
        return;
      }
      case 'BookingCancelled':
        // A cancel after confirm gives the seats back to sale (the actor's returnConfirmed).
        this.#end(known.data.bookingId, ['reserved', 'confirmed']);
        return;
      case 'BookingExpired':
        this.#end(known.data.bookingId, ['reserved']);
        return;
      case 'BookingRefunded':
        // Money only: a confirmed booking keeps its seats until cancelled. A reservation refunded after
        // its hold lapsed has ended in the log, and no BookingExpired will follow.
        this.#end(known.data.bookingId, ['reserved']);
        return;
    }
  }

  /** Ends a booking that is in one of `statuses`: a reservation stops holding, a sale stops counting. */
  #end(bookingId: string, statuses: readonly Open['status'][]): void {
    const open = this.#open.get(bookingId);
    if (!open || !statuses.includes(open.status)) return;
    this.#open.delete(bookingId);
    const zone = this.#zones.get(open.zoneId)!;
    zone.reserved.delete(bookingId);
    zone.confirmed.delete(bookingId);
  }

  #zone(eventId: string, zoneId: string): MutableZone {
    let zone = this.#zones.get(zoneId);
    if (!zone) {
      zone = { eventId, zoneId, capacity: 0, reserved: new Map(), confirmed: new Map() };
      this.#zones.set(zoneId, zone);
    }
    return zone;
  }
}

/** Folds events (in log order) into a new ledger. */
export function foldLedger(
  events: Iterable<{ readonly type: string; readonly data: unknown }>,
): BookingLedger {
  const ledger = new BookingLedger();
  for (const event of events) ledger.apply(event);
  return ledger;
}

/** Seats in reservations not yet ended (what the actor still holds, swept or not). */
export const heldSeats = (zone: ZoneLedger): number => sum(zone.reserved.values());

/** Reservations still live at `now` (epoch ms): the holds a rebuild writes back. */
export const liveHolds = (zone: ZoneLedger, now: number): Reservation[] =>
  [...zone.reserved.values()].filter((reservation) => reservation.expiresAt > now);

/** Reservations not ended whose expiry passed at `now`: seats still counted, an expiry still owed. */
export const staleReservations = (zone: ZoneLedger, now: number): Reservation[] =>
  [...zone.reserved.values()].filter((reservation) => reservation.expiresAt <= now);

export const liveHeldSeats = (zone: ZoneLedger, now: number): number => sum(liveHolds(zone, now));

/** The zone's bookings confirmed and not cancelled: what a rebuild writes back as sold. */
export const confirmedBookings = (zone: ZoneLedger): ConfirmedBooking[] => [...zone.confirmed.values()];

export const confirmedSeats = (zone: ZoneLedger): number => sum(zone.confirmed.values());

/** Confirmed seats per buyer. */
export function confirmedByUser(zone: ZoneLedger): Record<string, number> {
  const byUser: Record<string, number> = {};
  for (const { userId, quantity } of zone.confirmed.values())
    byUser[userId] = (byUser[userId] ?? 0) + quantity;
  return byUser;
}

function sum(bookings: Iterable<{ readonly quantity: number }>): number {
  let total = 0;
  for (const booking of bookings) total += booking.quantity;
  return total;
}
