import { Router } from 'express';
import { AppError } from '../../domain/shared';
import { ok, requireRole } from '../../infra/ports/http';
import type { InventoryActor } from '../inventory';
import { checkZone } from './check-inventory';
import type { LedgerReader } from './ledger-reader';

export type AdminInventoryDeps = {
  readonly actor: InventoryActor;
  /** Shared with the recovery: each request catches it up to the head, never more. */
  readonly reader: LedgerReader;
  readonly now?: () => number;
};

/** A zone's counters beside the event store's view of it. Null counters: the zone has none. */
export type AdminInventoryResource = {
  capacity: number;
  available: number | null;
  held: number | null;
  confirmed: number | null;
  fromEvents: { held: number; confirmed: number };
  consistent: boolean;
};

/** `GET /admin/inventory/:zoneId` (API.md, Admin and audit), mounted under `/api/v1`. */
export function adminInventoryRoutes({ actor, reader, now = Date.now }: AdminInventoryDeps): Router {
  const router = Router();
  router.get('/admin/inventory/:zoneId', async (req, res) => {
    requireRole(req, 'admin');
    const zone = (await reader.catchUp()).zone(req.params.zoneId);
    if (!zone) throw new AppError('ZONE_NOT_FOUND', `No zone ${req.params.zoneId}`);
    const check = checkZone(zone, await actor.snapshot(zone), now());
    const resource: AdminInventoryResource = {
      capacity: check.counters?.capacity ?? check.capacity,
      available: check.counters?.available ?? null,
      held: check.counters?.held ?? null,
      confirmed: check.counters?.confirmed ?? null,
      fromEvents: { held: check.fromEvents.held, confirmed: check.fromEvents.confirmed },
      consistent: check.consistent,
    };
    ok(res, resource);
  });
  return router;
}
