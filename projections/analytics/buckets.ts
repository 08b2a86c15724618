const minuteMs = 60_000;

/** The UTC minute a domain timestamp falls in. */
export function minuteOf(at: Date): Date {
  return new Date(Math.floor(at.getTime() / minuteMs) * minuteMs);
}

/** The UTC day (`YYYY-MM-DD`) a domain timestamp falls in. */
export function dayOf(at: Date): string {
  return at.toISOString().slice(0, 10);
}

/**
 * When a booking event happened, from its own data (so a rebuild buckets it as before); the time it
 * was recorded if that is missing or unreadable, which is just as stable.
 */
export function domainTime(value: unknown, recordedAt: Date): Date {
  if (typeof value === 'string') {
    const at = new Date(value);
    if (!Number.isNaN(at.getTime())) return at;
  }
  return recordedAt;
}
