import type {
  BookingCancelled,
  BookingConfirmed,
  BookingExpired,
  BookingRefunded,
  BookingReserved,
} from '../../domain/booking';
import { bookingEventTypes } from '../../domain/booking';
import type { ZoneCreated, ZoneUpdated } from '../../domain/catalog';
import type { LiveHold } from '../inventory';

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
  /** Confirmed seats per buyer, less those given back by a cancel or refund. */
  readonly confirmedByUser: ReadonlyMap<string, number>;
};

type MutableZone = {
  eventId: string;
  zoneId: string;
  capacity: number;
  reserved: Map<string, Reservation>;
  confirmedByUser: Map<string, number>;
};

/** What the ledger remembers of a booking until it ends; ended bookings are forgotten. */
type Open = { zoneId: string; userId: string; quantity: number; status: 'reserved' | 'confirmed' };

/** The event types the ledger folds; everything else is ignored. */
export const ledgerEventTypes: readonly string[] = ['ZoneCreated', 'ZoneUpdated', ...bookingEventTypes];

type LedgerEvent =
  | ZoneCreated
  | ZoneUpdated
  | BookingReserved
  | BookingConfirmed
  | BookingCancelled
  | BookingExpired
  | BookingRefunded;

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
        this.#open.set(bookingId, { zoneId, userId, quantity, status: 'reserved' });
        return;
      }
      case 'BookingConfirmed': {
        const open = this.#open.get(known.data.bookingId);
        if (open?.status !== 'reserved') return;
        const zone = this.#zones.get(open.zoneId)!;
        zone.reserved.delete(known.data.bookingId);
        zone.confirmedByUser.set(open.userId, (zone.confirmedByUser.get(open.userId) ?? 0) + open.quantity);
        open.status = 'confirmed';
        return;
      }
      case 'BookingCancelled':
      case 'BookingExpired':
      case 'BookingRefunded':
        this.#end(known.data.bookingId);
        return;
    }
  }

  /** A reservation ends and frees nothing more; a confirmed booking gives its seats back. */
  #end(bookingId: string): void {
    const open = this.#open.get(bookingId);
    if (!open) return;
    this.#open.delete(bookingId);
    const zone = this.#zones.get(open.zoneId)!;
    if (open.status === 'reserved') {
      zone.reserved.delete(bookingId);
      return;
    }
    const left = (zone.confirmedByUser.get(open.userId) ?? 0) - open.quantity;
    if (left > 0) zone.confirmedByUser.set(open.userId, left);
    else zone.confirmedByUser.delete(open.userId);
  }

  #zone(eventId: string, zoneId: string): MutableZone {
    let zone = this.#zones.get(zoneId);
    if (!zone) {
      zone = { eventId, zoneId, capacity: 0, reserved: new Map(), confirmedByUser: new Map() };
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

export const confirmedSeats = (zone: ZoneLedger): number =>
  [...zone.confirmedByUser.values()].reduce((total, quantity) => total + quantity, 0);

export const confirmedByUser = (zone: ZoneLedger): Record<string, number> =>
  Object.fromEntries(zone.confirmedByUser);

function sum(reservations: Iterable<Reservation>): number {
  let total = 0;
  for (const reservation of reservations) total += reservation.quantity;
  return total;
}
