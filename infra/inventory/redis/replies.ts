import { rebuildTotals } from '../../../command-side/inventory';
import type {
  ExpiredHold,
  Hold,
  HoldRefusal,
  HoldRejection,
  HoldRequest,
  HoldResult,
  RebuildRequest,
  ZoneSnapshot,
} from '../../ports/inventory-actor';

/** Script arguments and reply decoding, kept apart from the calls so the adapter reads as the port. */
export const zoneFields = ['capacity', 'available', 'held', 'confirmed', 'rebuilding'] as const;

export function toSnapshot([capacity, available, held, confirmed, rebuilding]: (string | null)[]):
  ZoneSnapshot | undefined {
  if (capacity === null || capacity === undefined) return undefined;
  const [total, free, onHold, sold] = [capacity, available, held, confirmed].map(Number) as number[];
  return {
    capacity: total!,
    available: free!,
    held: onHold!,
    confirmed: sold!,
    rebuilding: rebuilding === '1',
  };
}

/** Rows of expire.lua: [bookingId, zoneId, userId, quantity]. */
export function toExpired(eventId: string, rows: string[][]): ExpiredHold[] {
  return rows.map(([bookingId, zoneId, userId, quantity]) => ({
    bookingId: bookingId!,
    eventId,
    zoneId: zoneId!,
    userId: userId!,
    quantity: Number(quantity),
  }));
}

/** ARGV of apply-rebuild.lua (see its header). */
export function rebuildArgs(base: string, input: RebuildRequest): (string | number)[] {
  const { held, confirmed, available } = rebuildTotals(input);
  const args = [base, input.zoneId, input.capacity, available, held, confirmed, input.liveHolds.length];
  for (const hold of input.liveHolds) {
    args.push(hold.bookingId, hold.userId, hold.quantity, hold.unitPrice, hold.currency, hold.expiresAt);
  }
  for (const booking of input.confirmedBookings)
    args.push(booking.bookingId, booking.userId, booking.quantity);
  return args;
}

/** hold.lua's reply: status, detail, then the buyer's bucket (tokens left, full at, retry after ms). */
export type HoldReply = [string, string | number, number, string, number];

const replayedPrefix = 'REPLAYED_';

const refusals = new Set<string>([
  'RATE_LIMITED',
  'IDEMPOTENCY_KEY_REUSED',
  'QUEUE_PASS_REQUIRED',
  'QUEUE_PASS_INVALID',
  'QUEUE_PASS_EXPIRED',
  'QUEUE_PASS_USED',
] satisfies HoldRefusal[]);

/** Decodes hold.lua's reply; `hold` is what this call would have held, `input` what it asked for. */
export function toHoldResult(reply: HoldReply, hold: Hold, input: HoldRequest): HoldResult {
  const [status, detail, tokens, fullAt, retryAfterMs] = reply;
  const bucket = input.bucket && {
    bucket: {
      allowed: status !== 'RATE_LIMITED',
      limit: input.bucket.limit,
      remaining: tokens,
      resetAt: Number(fullAt),
      retryAfterMs,
    },
  };
  const replayed = status.startsWith(replayedPrefix);
  const outcome = replayed ? status.slice(replayedPrefix.length) : status;
  if (outcome === 'OK') {
    const first = replayed ? (JSON.parse(String(detail)) as Hold) : hold;
    return { ok: true, hold: first, replayed, ...bucket };
  }
  if (refusals.has(outcome)) return { ok: false, reason: outcome as HoldRefusal, available: 0, ...bucket };
  const rejection = { ok: false, reason: outcome as HoldRejection, available: Number(detail) } as const;
  return { ...rejection, ...(replayed ? { replayed: true as const } : {}), ...bucket };
}
