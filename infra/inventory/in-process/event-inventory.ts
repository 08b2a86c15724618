import type { ConfirmedBooking, Hold, HoldRejection, ZoneSnapshot } from '../../ports/inventory-actor';

export type Zone = ZoneSnapshot;
export type UserCounts = { held: number; confirmed: number };
/** A confirmed booking the actor can still give back: the Redis adapter's `sold:<bookingId>` marker. */
export type Sold = ConfirmedBooking & { zoneId: string };
/** The first outcome under an idempotency key: a hold, or a rejection the key remembers. */
export type Outcome = {
  fingerprint: string;
  result: { ok: true; hold: Hold } | { ok: false; reason: HoldRejection; available: number };
  /** Epoch ms when it is forgotten. */
  until: number;
};
/** A buyer's token bucket for this event (the Redis adapter's `bucket:<userId>` hash). */
export type Bucket = { tokens: number; at: number; fullAt: number };

/** A granted waiting-room pass and whether a hold used it. */
export type Pass = { seq: number; expiresAt: number; used: boolean };

/** One event's inventory: what the Redis adapter keeps under the event's hash tag. */
export class EventInventory {
  readonly zones = new Map<string, Zone>();
  readonly users = new Map<string, UserCounts>();
  readonly holds = new Map<string, Hold>();
  /** Booking id → its confirmed seats, until they are returned or a rebuild forgets them. */
  readonly sold = new Map<string, Sold>();
  /** Idempotency key → its first outcome. */
  readonly outcomes = new Map<string, Outcome>();
  /** Booking id → the idempotency key its hold answered. */
  readonly outcomeKeys = new Map<string, string>();
  /** Buyer → reservation token bucket. */
  readonly buckets = new Map<string, Bucket>();
  /** While true, holds need a pass (the Redis adapter's `room` hash). */
  waitingRoom = false;
  /** Buyer → their waiting-room pass (the Redis adapter's `passes` hash). */
  readonly passes = new Map<string, Pass>();
  /** Buyer → until when they count as inside the room (the Redis adapter's `inside` sorted set). */
  readonly inside = new Map<string, number>();
  /** Buyer → until when their unused pass runs (the Redis adapter's `passes-out` sorted set). */
  readonly passesOut = new Map<string, number>();

  addZone(zoneId: string, capacity: number, rebuilding: boolean): Zone {
    const zone = { capacity, available: capacity, held: 0, confirmed: 0, rebuilding };
    this.zones.set(zoneId, zone);
    return zone;
  }

  user(userId: string): UserCounts {
    let counts = this.users.get(userId);
    if (!counts) this.users.set(userId, (counts = { held: 0, confirmed: 0 }));
    return counts;
  }

  addHold(hold: Hold, outcomeKey?: string): void {
    this.holds.set(hold.bookingId, hold);
    if (outcomeKey !== undefined) this.outcomeKeys.set(hold.bookingId, outcomeKey);
    this.user(hold.userId).held += hold.quantity;
  }

  /**
   * Ends a held hold: seats go back to the zone ('released') or move to confirmed ('confirmed'). As in
   * the Redis adapter, `forgetOutcome` drops the key's outcome so a retry holds afresh.
   */
  dropHold(hold: Hold, outcome: 'released' | 'confirmed', forgetOutcome = false): void {
    this.holds.delete(hold.bookingId);
    const outcomeKey = this.outcomeKeys.get(hold.bookingId);
    this.outcomeKeys.delete(hold.bookingId);
    if (forgetOutcome && outcomeKey !== undefined) this.outcomes.delete(outcomeKey);
    const user = this.user(hold.userId);
    user.held -= hold.quantity;
    this.inside.delete(hold.userId);
    const zone = this.zones.get(hold.zoneId);
    if (!zone) return;
    zone.held -= hold.quantity;
    if (outcome === 'released') {
      zone.available += hold.quantity;
      return;
    }
    zone.confirmed += hold.quantity;
    this.addSold(hold);
  }

  /** Remembers a confirmed booking and counts its seats toward its buyer's limit. */
  addSold({ bookingId, zoneId, userId, quantity }: Sold): void {
    this.sold.set(bookingId, { bookingId, zoneId, userId, quantity });
    this.user(userId).confirmed += quantity;
  }

  /** Gives a confirmed booking's seats back to sale, once: the marker goes with them. */
  returnSold(bookingId: string): boolean {
    const sold = this.sold.get(bookingId);
    if (!sold) return false;
    this.sold.delete(bookingId);
    this.user(sold.userId).confirmed -= sold.quantity;
    const zone = this.zones.get(sold.zoneId);
    if (zone) {
      zone.confirmed -= sold.quantity;
      zone.available += sold.quantity;
    }
    return true;
  }

  /** Forgets a zone's holds and confirmed bookings (a rebuild is about to write them from the event store). */
  clearZone(zoneId: string): void {
    for (const hold of [...this.holds.values()].filter((h) => h.zoneId === zoneId)) {
      this.holds.delete(hold.bookingId);
      this.user(hold.userId).held -= hold.quantity;
    }
    for (const sold of [...this.sold.values()].filter((s) => s.zoneId === zoneId)) {
      this.sold.delete(sold.bookingId);
      this.user(sold.userId).confirmed -= sold.quantity;
    }
  }

  /** Due holds, earliest first. */
  dueHolds(now: number, limit: number): Hold[] {
    const due = [...this.holds.values()].filter((hold) => hold.expiresAt <= now);
    return due.sort((a, b) => a.expiresAt - b.expiresAt).slice(0, Math.max(limit, 0));
  }

  /** Drops outcomes past their time and buckets that are full again (as Redis expires their keys). */
  forgetExpired(now: number): void {
    for (const [key, outcome] of this.outcomes) if (outcome.until <= now) this.outcomes.delete(key);
    for (const [userId, bucket] of this.buckets) if (bucket.fullAt <= now) this.buckets.delete(userId);
  }
}
