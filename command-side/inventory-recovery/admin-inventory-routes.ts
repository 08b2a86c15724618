import { Router } from 'express';
import { AppError } from '../../domain/shared';
import { ok, requireRole, validateQuery } from '../../infra/http-edge';
import type { InventoryActor } from '../../infra/ports/inventory-actor';
import { checkLedger, checkZone, type ZoneCheck } from './check-inventory';
import { EventInventoryQuery } from './event-inventory-query';
import type { LedgerReader } from './ledger-reader';

export type AdminInventoryDeps = {
  readonly actor: InventoryActor;
  /** Shared with the recovery: each request catches it up to the head, never more. */
  readonly reader: LedgerReader;
  readonly now?: () => number;
};

/** A zone's seat counters beside the event store's view of it. Null counters: the zone has none. */
export type AdminInventoryResource = {
  /** The counter's capacity; the catalog's when the zone has no counter. */
  capacity: number;
  available: number | null;
  /** Seats in holds the counter still counts. */
  held: number | null;
  confirmed: number | null;
  fromEvents: {
    /** Seats in reservations not yet ended (confirmed, cancelled, expired or refunded). */
    held: number;
    /** Seats confirmed and not cancelled since. */
    confirmed: number;
  };
  /**
   * The counter matches the event store. Briefly false between a hold and its event, or a sweep and
   * its BookingExpired; false for long means the counter needs a rebuild.
   */
  consistent: boolean;
};

/** One zone of an event in `GET /admin/inventory?eventId=`. */
export type AdminZoneInventoryResource = AdminInventoryResource & { eventId: string; zoneId: string };

export function toInventoryResource(check: ZoneCheck): AdminInventoryResource {
  return {
    capacity: check.counters?.capacity ?? check.capacity,
    available: check.counters?.available ?? null,
    held: check.counters?.held ?? null,
    confirmed: check.counters?.confirmed ?? null,
    fromEvents: { held: check.fromEvents.held, confirmed: check.fromEvents.confirmed },
    consistent: check.consistent,
  };
}

/**
 * `GET /admin/inventory/:zoneId` (API.md, Admin and audit) and `GET /admin/inventory?eventId=` (every
 * zone of an event, same fields plus the ids), mounted under `/api/v1`.
 */
export function adminInventoryRoutes({ actor, reader, now = Date.now }: AdminInventoryDeps): Router {
  const router = Router();
  router.get('/admin/inventory', async (req, res) => {
    requireRole(req, 'admin');
    const { eventId } = await validateQuery(EventInventoryQuery, req.query);
    const check = await checkLedger(await reader.catchUp(), actor, { now: now(), eventIds: [eventId] });
    const zones: AdminZoneInventoryResource[] = check.zones.map((zone) => ({
      eventId: zone.eventId,
      zoneId: zone.zoneId,
      ...toInventoryResource(zone),
    }));
    ok(res, zones);
  });
  router.get('/admin/inventory/:zoneId', async (req, res) => {
    requireRole(req, 'admin');
    const zone = (await reader.catchUp()).zone(req.params.zoneId);
    if (!zone) throw new AppError('ZONE_NOT_FOUND', `No zone ${req.params.zoneId}`);
    ok(res, toInventoryResource(checkZone(zone, await actor.snapshot(zone), now())));
  });
  return router;
}
