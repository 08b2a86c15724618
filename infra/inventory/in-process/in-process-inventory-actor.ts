import { checkCount, checkHold, idempotencyTtlMs, rebuildTotals } from '../../../command-side/inventory';
import { refillAndTake } from '../../../command-side/rate-limit';
import { AppError } from '../../../domain/shared';
import type {
  AdjustResult,
  ConfirmResult,
  ExpiredHold,
  GrantedPass,
  PassRecord,
  Hold,
  HoldBucket,
  HoldRequest,
  HoldResult,
  InventoryActor,
  PassRefusal,
  RoomOccupancy,
  RebuildRequest,
  RebuildResult,
  ZoneSnapshot,
} from '../../ports/inventory-actor';
import type { TakeResult } from '../../ports/rate-limiter';
import { EventInventory, type Outcome, type Pass } from './event-inventory';

type ZoneRef = { eventId: string; zoneId: string };

/**
 * The embedded inventory actor: the Redis scripts' semantics over one map per event. Every method
 * body is synchronous, so each operation is one critical section on the event loop.
 */
export class InProcessInventoryActor implements InventoryActor {
  readonly #events = new Map<string, EventInventory>();

  #event(eventId: string): EventInventory {
    let inventory = this.#events.get(eventId);
    if (!inventory) this.#events.set(eventId, (inventory = new EventInventory()));
    return inventory;
  }

  async provisionZone({ eventId, zoneId, capacity }: ZoneRef & { capacity: number }) {
    checkCount('capacity', capacity);
    const inventory = this.#event(eventId);
    if (inventory.zones.has(zoneId)) return { created: false };
    inventory.addZone(zoneId, capacity, false);
    return { created: true };
  }

  async adjustCapacity({ eventId, zoneId, delta }: ZoneRef & { delta: number }): Promise<AdjustResult> {
    checkCount('delta', Math.abs(delta));
    const zone = this.#event(eventId).zones.get(zoneId);
    if (!zone) return { ok: false, reason: 'ZONE_NOT_PROVISIONED' };
    if (zone.rebuilding) return { ok: false, reason: 'ZONE_REBUILDING' };
    if (zone.available + delta < 0) return { ok: false, reason: 'BELOW_COMMITTED' };
    zone.capacity += delta;
    zone.available += delta;
    return { ok: true, capacity: zone.capacity, available: zone.available };
  }

  /** hold.lua's steps in the same order: bucket, key, pass, zone and limit, hold. */
  async hold(input: HoldRequest): Promise<HoldResult> {
    checkHold(input);
    const inventory = this.#event(input.eventId);
    const taken = input.bucket && this.#take(inventory, input.userId, input.bucket, input.now);
    const bucket = taken && { bucket: taken };
    if (taken && !taken.allowed) return { ok: false, reason: 'RATE_LIMITED', available: 0, ...bucket };
    const fingerprint = input.fingerprint ?? '';
    const seen = inventory.outcomes.get(input.idempotencyKey);
    if (seen && seen.until > input.now) {
      if (seen.fingerprint !== fingerprint) {
        return { ok: false, reason: 'IDEMPOTENCY_KEY_REUSED', available: 0, ...bucket };
      }
      if (seen.result.ok) return { ok: true, hold: { ...seen.result.hold }, replayed: true, ...bucket };
      return { ...seen.result, replayed: true, ...bucket };
    }
    const pass = inventory.waitingRoom ? this.#passFor(inventory, input) : undefined;
    if (typeof pass === 'string') return { ok: false, reason: pass, available: 0, ...bucket };
    const remember = (result: Outcome['result']) =>
      inventory.outcomes.set(input.idempotencyKey, {
        fingerprint,
        result,
        until: input.now + idempotencyTtlMs(input.ttlMs),
      });
    const zone = inventory.zones.get(input.zoneId);
    if (!zone) return { ok: false, reason: 'ZONE_NOT_PROVISIONED', available: 0, ...bucket };
    const { available } = zone;
    if (zone.rebuilding) return { ok: false, reason: 'ZONE_REBUILDING', available, ...bucket };
    const user = inventory.user(input.userId);
    const reason =
      available < input.quantity
        ? 'INSUFFICIENT_SEATS'
        : user.held + user.confirmed + input.quantity > input.maxPerUser
          ? 'TICKET_LIMIT_EXCEEDED'
          : undefined;
    if (reason) {
      remember({ ok: false, reason, available });
      return { ok: false, reason, available, ...bucket };
    }
    if (inventory.holds.has(input.bookingId))
      throw new AppError('INTERNAL_ERROR', 'Booking id already holds seats');
    const { bookingId, eventId, zoneId, userId, quantity, unitPrice, currency } = input;
    const expiresAt = input.now + input.ttlMs;
    const hold: Hold = { bookingId, eventId, zoneId, userId, quantity, unitPrice, currency, expiresAt };
    zone.available -= quantity;
    zone.held += quantity;
    inventory.addHold(hold, input.idempotencyKey);
    if (pass) {
      pass.used = true;
      inventory.inside.set(input.userId, expiresAt);
      inventory.passesOut.delete(input.userId);
    }
    remember({ ok: true, hold });
    return { ok: true, hold: { ...hold }, replayed: false, ...bucket };
  }

  /** The buyer's pass that lets this hold through, or why there is none. */
  #passFor(inventory: EventInventory, input: HoldRequest): Pass | PassRefusal {
    if (!input.pass) return 'QUEUE_PASS_REQUIRED';
    const pass = inventory.passes.get(input.userId);
    if (!pass || pass.seq !== input.pass.seq) return 'QUEUE_PASS_INVALID';
    if (pass.used) return 'QUEUE_PASS_USED';
    if (pass.expiresAt <= input.now) return 'QUEUE_PASS_EXPIRED';
    return pass;
  }

  async setWaitingRoom({ eventId, enabled }: { eventId: string; enabled: boolean }): Promise<void> {
    this.#event(eventId).waitingRoom = enabled;
  }

  async grantPasses({ eventId, passes }: { eventId: string; passes: readonly GrantedPass[] }) {
    const inventory = this.#event(eventId);
    for (const { userId, seq, expiresAt } of passes) {
      if (seq > (inventory.passes.get(userId)?.seq ?? 0)) {
        inventory.passes.set(userId, { seq, expiresAt, used: false });
        inventory.inside.set(userId, expiresAt);
        inventory.passesOut.set(userId, expiresAt);
      }
    }
  }

  async roomOccupancy({ eventId, now }: { eventId: string; now: number }): Promise<RoomOccupancy> {
    const { inside, passesOut } = this.#event(eventId);
    for (const buyers of [inside, passesOut]) {
      for (const [userId, until] of buyers) if (until <= now) buyers.delete(userId);
    }
    return { inside: inside.size, passesOut: passesOut.size };
  }

  async passOf({ eventId, userId }: { eventId: string; userId: string }): Promise<PassRecord | undefined> {
    const pass = this.#event(eventId).passes.get(userId);
    return pass ? { userId, ...pass } : undefined;
  }

  #take(inventory: EventInventory, userId: string, bucket: HoldBucket, now: number): TakeResult {
    const { tokens, result } = refillAndTake(inventory.buckets.get(userId), { key: userId, ...bucket }, now);
    inventory.buckets.set(userId, { tokens, at: now, fullAt: result.resetAt });
    return result;
  }

  async release({
    eventId,
    bookingId,
    forgetOutcome,
  }: {
    eventId: string;
    bookingId: string;
    forgetOutcome?: boolean;
  }) {
    const inventory = this.#event(eventId);
    const hold = inventory.holds.get(bookingId);
    if (hold) inventory.dropHold(hold, 'released', forgetOutcome);
    return { released: hold !== undefined };
  }

  async confirm({ eventId, bookingId, now }: { eventId: string; bookingId: string; now: number }) {
    const inventory = this.#event(eventId);
    const hold = inventory.holds.get(bookingId);
    // Confirmed already (a retry whose first answer was lost): the same answer again, nothing moves.
    if (!hold && inventory.sold.has(bookingId)) return { ok: true } satisfies ConfirmResult;
    if (!hold) return { ok: false, reason: 'NOT_HELD' } satisfies ConfirmResult;
    if (now >= hold.expiresAt) return { ok: false, reason: 'EXPIRED' } satisfies ConfirmResult;
    inventory.dropHold(hold, 'confirmed');
    return { ok: true } satisfies ConfirmResult;
  }

  async returnConfirmed({ eventId, bookingId }: { eventId: string; bookingId: string }) {
    return { returned: this.#events.get(eventId)?.returnSold(bookingId) ?? false };
  }

  async expireDue({ eventId, now, limit }: { eventId?: string; now: number; limit: number }) {
    const expired: ExpiredHold[] = [];
    for (const id of eventId === undefined ? [...this.#events.keys()] : [eventId]) {
      const inventory = this.#events.get(id);
      if (!inventory || expired.length >= limit) continue;
      inventory.forgetExpired(now);
      for (const hold of inventory.dueHolds(now, limit - expired.length)) {
        inventory.dropHold(hold, 'released');
        const { bookingId, zoneId, userId, quantity } = hold;
        expired.push({ bookingId, eventId: id, zoneId, userId, quantity });
      }
    }
    return expired;
  }

  async beginRebuild(input: ZoneRef & { replaceLiveCounter?: boolean }): Promise<RebuildResult> {
    const inventory = this.#event(input.eventId);
    const zone = inventory.zones.get(input.zoneId);
    if (zone && !zone.rebuilding && !input.replaceLiveCounter) return { ok: false, reason: 'LIVE_COUNTER' };
    if (zone) zone.rebuilding = true;
    else inventory.addZone(input.zoneId, 0, true);
    return { ok: true };
  }

  async rebuildZone(input: RebuildRequest): Promise<RebuildResult> {
    const totals = rebuildTotals(input);
    const began = await this.beginRebuild(input);
    if (!began.ok) return began;
    const inventory = this.#event(input.eventId);
    const zone = inventory.zones.get(input.zoneId);
    if (!zone?.rebuilding) return { ok: false, reason: 'LIVE_COUNTER' };
    inventory.clearZone(input.zoneId);
    for (const live of input.liveHolds)
      inventory.addHold({ ...live, eventId: input.eventId, zoneId: input.zoneId });
    for (const booking of input.confirmedBookings) inventory.addSold({ ...booking, zoneId: input.zoneId });
    Object.assign(zone, { capacity: input.capacity, ...totals, rebuilding: false });
    return { ok: true };
  }

  async snapshot({ eventId, zoneId }: ZoneRef): Promise<ZoneSnapshot | undefined> {
    const zone = this.#events.get(eventId)?.zones.get(zoneId);
    if (!zone) return undefined;
    const { capacity, available, held, confirmed, rebuilding } = zone;
    return { capacity, available, held, confirmed, rebuilding };
  }

  async close(): Promise<void> {}
}
