/**
 * Key names. Everything one script touches shares the hash tag `{evt:<eventId>}`, so every script
 * runs unchanged on Redis Cluster; the Lua side derives the same names from `base`.
 */
export function inventoryKeys(prefix: string, eventId: string) {
  if (/[{}]/.test(eventId)) throw new Error(`Event id may not contain braces: ${eventId}`);
  const base = `${prefix}{evt:${eventId}}:`;
  return {
    base,
    zone: (zoneId: string) => `${base}zone:${zoneId}`,
    /** Bookings confirmed in the zone, each with a `sold` marker: what a rebuild must clear. */
    soldIn: (zoneId: string) => `${base}sold-in:${zoneId}`,
    /** Before markers existed: confirmed seats per buyer of a zone; a rebuild still clears it. */
    legacyBuyers: (zoneId: string) => `${base}buyers:${zoneId}`,
    user: (userId: string) => `${base}user:${userId}`,
    hold: (bookingId: string) => `${base}hold:${bookingId}`,
    sold: (bookingId: string) => `${base}sold:${bookingId}`,
    /** The first outcome under a buyer's Idempotency-Key (`<userId>:<key>`): fingerprint, status, detail. */
    outcome: (idempotencyKey: string) => `${base}outcome:${idempotencyKey}`,
    /** The buyer's reservation token bucket for this event. */
    bucket: (userId: string) => `${base}bucket:${userId}`,
    expiry: `${base}expiry`,
    /** The waiting room: `enabled` is 1 while holds need a pass. */
    room: `${base}room`,
    /** Buyer → their pass: `<seq>|<expiresAt ms>|<used 0/1>`. */
    passes: `${base}passes`,
    /** Buyers inside the room, each until their pass or pass-made hold ends (ms). */
    inside: `${base}inside`,
    /** Buyers with a pass not used yet, each until it expires (ms). */
    passesOut: `${base}passes-out`,
  };
}

/** Untagged set of every event with provisioned zones: how the sweeper finds events to expire. */
export const eventsKey = (prefix: string) => `${prefix}inventory:events`;
