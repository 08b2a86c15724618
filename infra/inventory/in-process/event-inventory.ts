import type { ConfirmedBooking, Hold, ZoneSnapshot } from '../../../command-side/inventory';

export type Zone = ZoneSnapshot;
export type UserCounts = { held: number; confirmed: number };
/** A confirmed booking the actor can still give back: the Redis adapter's `sold:<bookingId>` marker. */
export type Sold = ConfirmedBooking & { zoneId: string };

/** One event's inventory: what the Redis adapter keeps under the event's hash tag. */
export class EventInventory {
  readonly zones = new Map<string, Zone>();
  readonly users = new Map<string, UserCounts>();
  readonly holds = new Map<string, Hold>();
  /** Booking id → its confirmed seats, until they are returned or a rebuild forgets them. */
  readonly sold = new Map<string, Sold>();
  /** Idempotency key → the first answer, kept until `until` (epoch ms). */
  readonly answers = new Map<string, { hold: Hold; until: number }>();
  /** Booking id → the idempotency key its hold answered. */
  readonly answerKeys = new Map<string, string>();

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

  forgetAnswers(now: number): void {
    for (const [key, answer] of this.answers) if (answer.until <= now) this.answers.delete(key);
  }
}
