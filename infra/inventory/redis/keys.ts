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
    buyers: (zoneId: string) => `${base}buyers:${zoneId}`,
    user: (userId: string) => `${base}user:${userId}`,
    hold: (bookingId: string) => `${base}hold:${bookingId}`,
    answer: (idempotencyKey: string) => `${base}idem:${idempotencyKey}`,
    expiry: `${base}expiry`,
  };
}

/** Untagged set of every event with provisioned zones: how the sweeper finds events to expire. */
export const eventsKey = (prefix: string) => `${prefix}inventory:events`;
