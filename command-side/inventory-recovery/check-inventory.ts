import type { EventStore } from '../../infra/ports/event-store';
import type { InventoryActor, ZoneSnapshot } from '../../infra/ports/inventory-actor';
import {
  confirmedSeats,
  heldSeats,
  liveHeldSeats,
  type BookingLedger,
  type ZoneLedger,
} from './booking-ledger';
import { LedgerReader } from './ledger-reader';

/** One zone: the event store's view beside the actor's counters. */
export type ZoneCheck = {
  readonly eventId: string;
  readonly zoneId: string;
  /** The catalog's capacity, from the log. */
  readonly capacity: number;
  readonly fromEvents: {
    /** Seats in reservations not yet ended (confirmed, cancelled, expired or refunded). */
    readonly held: number;
    /** Of those, seats whose hold is still live at `now`. */
    readonly liveHeld: number;
    /** Seats confirmed and not cancelled since (a cancel after confirm gives them back). */
    readonly confirmed: number;
  };
  /** The actor's counter; undefined when the zone has none. */
  readonly counters: ZoneSnapshot | undefined;
  /** The invariant, from the event store alone: confirmed + live holds ≤ capacity. */
  readonly withinCapacity: boolean;
  /**
   * The actor agrees with the log: it has a counter, not rebuilding, whose capacity, confirmed and held
   * equal the log's capacity, confirmed and held (reservations not yet ended: a hold past its expiry
   * stays in the actor until swept, and its BookingExpired follows the sweep), and whose available is
   * capacity − held − confirmed. Between a sweep and its BookingExpired, or a hold and its
   * BookingReserved, a zone is briefly inconsistent; after traffic settles it must not be.
   */
  readonly consistent: boolean;
};

export type InventoryCheck = {
  /** Every zone within capacity and consistent. */
  readonly ok: boolean;
  /** No zone oversold, by the event store. */
  readonly withinCapacity: boolean;
  /** Every zone's counters match the event store. */
  readonly consistent: boolean;
  readonly zones: ZoneCheck[];
};

/** Compares one zone of the ledger with the actor's counter, at `now` (epoch ms). */
export function checkZone(zone: ZoneLedger, counters: ZoneSnapshot | undefined, now: number): ZoneCheck {
  const held = heldSeats(zone);
  const liveHeld = liveHeldSeats(zone, now);
  const confirmed = confirmedSeats(zone);
  const consistent =
    counters !== undefined &&
    !counters.rebuilding &&
    counters.capacity === zone.capacity &&
    counters.held === held &&
    counters.confirmed === confirmed &&
    counters.available === zone.capacity - held - confirmed;
  return {
    eventId: zone.eventId,
    zoneId: zone.zoneId,
    capacity: zone.capacity,
    fromEvents: { held, liveHeld, confirmed },
    counters,
    withinCapacity: confirmed + liveHeld <= zone.capacity,
    consistent,
  };
}

export type CheckInventoryOptions = {
  /** Epoch ms at which holds count as live; defaults to the clock. */
  readonly now?: number;
  /** Only zones of these events (a test sharing its store with others); default every zone. */
  readonly eventIds?: readonly string[];
  /** Only these zones; default every zone. */
  readonly zoneIds?: readonly string[];
  /** Called after each zone is checked, with the count done and the count to do (a progress bar). */
  readonly onZone?: (done: number, total: number) => void;
};

/**
 * The invariant checker: reads the event store from the start (the source of truth) and proves, per
 * zone, confirmed + live holds ≤ capacity and that the actor's counters match (see `ZoneCheck`).
 * Run it once traffic has settled: appends still in flight show up as inconsistencies.
 */
export async function checkInventory(
  store: EventStore,
  actor: InventoryActor,
  options: CheckInventoryOptions = {},
): Promise<InventoryCheck> {
  return checkLedger(await new LedgerReader(store).catchUp(), actor, options);
}

/** `checkInventory` over a ledger already caught up (the admin view shares one reader). */
export async function checkLedger(
  ledger: BookingLedger,
  actor: InventoryActor,
  options: CheckInventoryOptions = {},
): Promise<InventoryCheck> {
  const now = options.now ?? Date.now();
  const events = options.eventIds && new Set(options.eventIds);
  const only = options.zoneIds && new Set(options.zoneIds);
  const wanted = ledger
    .zones()
    .filter((zone) => (!events || events.has(zone.eventId)) && (!only || only.has(zone.zoneId)));
  const zones: ZoneCheck[] = [];
  for (const zone of wanted) {
    zones.push(checkZone(zone, await actor.snapshot(zone), now));
    options.onZone?.(zones.length, wanted.length);
  }
  const withinCapacity = zones.every((zone) => zone.withinCapacity);
  const consistent = zones.every((zone) => zone.consistent);
  return { ok: withinCapacity && consistent, withinCapacity, consistent, zones };
}
