import type { Hold, ZoneSnapshot } from '../../../command-side/inventory';

export type Zone = ZoneSnapshot & { buyers: Map<string, number> };
export type UserCounts = { held: number; confirmed: number };

/** One event's inventory: what the Redis adapter keeps under the event's hash tag. */
export class EventInventory {
  readonly zones = new Map<string, Zone>();
  readonly users = new Map<string, UserCounts>();
  readonly holds = new Map<string, Hold>();
  /** Idempotency key → the first answer, kept until `until` (epoch ms). */
  readonly answers = new Map<string, { hold: Hold; until: number }>();
  /** Booking id → the idempotency key its hold answered. */
  readonly answerKeys = new Map<string, string>();

  addZone(zoneId: string, capacity: number, rebuilding: boolean): Zone {
    const zone = { capacity, available: capacity, held: 0, confirmed: 0, rebuilding, buyers: new Map() };
    this.zones.set(zoneId, zone);
    return zone;
  }

  user(userId: string): UserCounts {
    let counts = this.users.get(userId);
    if (!counts) this.users.set(userId, (counts = { held: 0, confirmed: 0 }));
    return counts;
  }

  addHold(hold: Hold, answerKey?: string): void {
    this.holds.set(hold.bookingId, hold);
    if (answerKey !== undefined) this.answerKeys.set(hold.bookingId, answerKey);
    this.user(hold.userId).held += hold.quantity;
  }

  /** Ends a held hold: seats go back to the zone ('released') or move to confirmed ('confirmed'). */
  dropHold(hold: Hold, outcome: 'released' | 'confirmed'): void {
    this.holds.delete(hold.bookingId);
    const answerKey = this.answerKeys.get(hold.bookingId);
    this.answerKeys.delete(hold.bookingId);
    // As in the Redis adapter: a released hold forgets its answer, so a retry holds afresh.
    if (outcome === 'released' && answerKey !== undefined) this.answers.delete(answerKey);
    const user = this.user(hold.userId);
    user.held -= hold.quantity;
    const zone = this.zones.get(hold.zoneId);
    if (!zone) return;
    zone.held -= hold.quantity;
    if (outcome === 'released') {
      zone.available += hold.quantity;
      return;
    }
    zone.confirmed += hold.quantity;
    user.confirmed += hold.quantity;
    zone.buyers.set(hold.userId, (zone.buyers.get(hold.userId) ?? 0) + hold.quantity);
  }

  /** Forgets a zone's holds and buyers (a rebuild is about to write them from the event store). */
  clearZone(zoneId: string, zone: Zone): void {
    for (const hold of [...this.holds.values()].filter((h) => h.zoneId === zoneId)) {
      this.holds.delete(hold.bookingId);
      this.user(hold.userId).held -= hold.quantity;
    }
    for (const [userId, quantity] of zone.buyers) this.user(userId).confirmed -= quantity;
    zone.buyers = new Map();
  }

  /** Due holds, earliest first. */
  dueHolds(now: number, limit: number): Hold[] {
    const due = [...this.holds.values()].filter((hold) => hold.expiresAt <= now);
    return due.sort((a, b) => a.expiresAt - b.expiresAt).slice(0, Math.max(limit, 0));
  }

  forgetAnswers(now: number): void {
    for (const [key, answer] of this.answers) if (answer.until <= now) this.answers.delete(key);
  }
}
