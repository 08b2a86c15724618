import type { ExpiredHold, InventoryActor } from '../../infra/ports/inventory-actor';
import type { Logger } from '../../infra/ports/logger';
import { confirmedBookings, liveHolds, staleReservations, type ZoneLedger } from './booking-ledger';
import type { LedgerReader } from './ledger-reader';

type ZoneRef = { readonly eventId: string; readonly zoneId: string };

/**
 * `rebuilt`: the counter was written from the event store. `live`: the zone has a live counter (nothing
 * to recover, or another process rebuilt it first). `unknown-zone`: the log has no such zone; nothing
 * was touched.
 */
export type RecoveryOutcome = 'rebuilt' | 'live' | 'unknown-zone';

export type RecoveryOptions = {
  /**
   * How long to wait after marking zones rebuilding before reading the log, so the appends of holds
   * granted just before the counter was lost have begun (the store then waits for them to end). 0 is right only when no hold can have been
   * granted on the lost counter by anyone still running (the in-process actor).
   */
  readonly settleMs: number;
  readonly now?: () => number;
  readonly logger?: Logger;
  /**
   * Reservations the log has not ended but whose expiry passed: the rebuild leaves their seats free,
   * and someone (the expiry sweeper) still owes the log their BookingExpired.
   */
  readonly onStaleReservations?: (holds: ExpiredHold[]) => void;
};

const keyOf = (zone: ZoneRef) => `${zone.eventId}/${zone.zoneId}`;

/**
 * Gives a zone whose counter is missing (Redis lost its data, or it was never provisioned) its counter
 * back from the event store: capacity − live holds − confirmed. The zone refuses holds
 * (ZONE_REBUILDING) from the first step until the last, and concurrent calls for one zone share one run.
 */
export class InventoryRecovery {
  readonly #running = new Map<string, Promise<RecoveryOutcome>>();
  readonly #now: () => number;

  constructor(
    private readonly actor: InventoryActor,
    private readonly reader: LedgerReader,
    private readonly options: RecoveryOptions,
  ) {
    this.#now = options.now ?? Date.now;
  }

  /** Recovers one zone; a live counter is left alone. Rejects when the store or the actor is down. */
  async recover(zone: ZoneRef): Promise<RecoveryOutcome> {
    const [outcome] = await this.recoverAll([zone]);
    return outcome!;
  }

  /** Recovers several zones with one settle wait and one catch-up (a process start after a wipe). */
  recoverAll(zones: readonly ZoneRef[]): Promise<RecoveryOutcome[]> {
    const fresh = new Map<string, ZoneRef>();
    for (const zone of zones) if (!this.#running.has(keyOf(zone))) fresh.set(keyOf(zone), zone);
    if (fresh.size > 0) {
      const batch = this.#run([...fresh.values()]);
      for (const key of fresh.keys()) {
        const outcome = batch.then((outcomes) => outcomes.get(key)!);
        this.#running.set(key, outcome);
        void outcome.catch(() => undefined).finally(() => this.#running.delete(key));
      }
    }
    return Promise.all(zones.map((zone) => this.#running.get(keyOf(zone))!));
  }

  async #run(zones: ZoneRef[]): Promise<Map<string, RecoveryOutcome>> {
    const outcomes = new Map<string, RecoveryOutcome>();
    // Ask the log first: a zone it does not know must not be left marked rebuilding.
    const ledger = await this.reader.catchUp();
    const began: ZoneRef[] = [];
    for (const zone of zones) {
      const known = ledger.zone(zone.zoneId);
      if (!known || known.eventId !== zone.eventId) outcomes.set(keyOf(zone), 'unknown-zone');
      else if (!(await this.actor.beginRebuild(zone)).ok) outcomes.set(keyOf(zone), 'live');
      else began.push(zone);
    }
    if (began.length === 0) return outcomes;
    if (this.options.settleMs > 0) await new Promise((resolve) => setTimeout(resolve, this.options.settleMs));
    // The settle lets appends queued in other processes start; this waits for them (and any long
    // transaction holding the read horizon back) to end, so the catch-up misses no committed hold.
    await this.reader.catchUp({ includeInFlight: true });
    const now = this.#now();
    const stale: ExpiredHold[] = [];
    for (const zone of began) {
      const state = ledger.zone(zone.zoneId)!;
      const rebuilt = await this.actor.rebuildZone({
        eventId: zone.eventId,
        zoneId: zone.zoneId,
        capacity: state.capacity,
        liveHolds: liveHolds(state, now),
        confirmedBookings: confirmedBookings(state),
      });
      outcomes.set(keyOf(zone), rebuilt.ok ? 'rebuilt' : 'live');
      if (rebuilt.ok) stale.push(...expiredHolds(state, now));
      this.options.logger?.info('inventory zone recovered from the event store', {
        ...zone,
        outcome: outcomes.get(keyOf(zone)),
      });
    }
    if (stale.length > 0) this.options.onStaleReservations?.(stale);
    return outcomes;
  }
}

function expiredHolds(zone: ZoneLedger, now: number): ExpiredHold[] {
  return staleReservations(zone, now).map(({ bookingId, userId, quantity }) => ({
    bookingId,
    eventId: zone.eventId,
    zoneId: zone.zoneId,
    userId,
    quantity,
  }));
}
