// The expiry wave's figures from what the harness recorded: the probe's samples, the wave monitor's
// counts, the mails' arrivals and the wave's bookings as the log tells them. Pure: no I/O, no clocks.
import { notificationMessageId } from '../../sagas/notifications';
import { summarizeFollower } from './lag-analysis';
import type { Sample } from './probe';
import type { Arrival } from './smtp-sink';
import type { WaveSample } from './wave-monitor';

const round = (value: number, digits = 3) => Math.round(value * 10 ** digits) / 10 ** digits;

/** Math.max/min without spreading (tens of thousands of arguments overflow the stack). */
const maxOf = (values: readonly number[]) => values.reduce((a, b) => (b > a ? b : a), -Infinity);
const minOf = (values: readonly number[]) => values.reduce((a, b) => (b < a ? b : a), Infinity);

export const isExpiryMail = (messageId: string): boolean => messageId.startsWith('<hold-expired.');
export const expiryMailId = (bookingId: string): string => notificationMessageId(bookingId, 'hold-expired');

/** One booking of the wave, from the log: when its hold came due and when its `BookingExpired` was appended. */
export type WaveBooking = {
  readonly bookingId: string;
  /** Epoch ms (the hold's `expiresAt`). */
  readonly dueAt: number;
  /** Epoch ms of the `BookingExpired` append, and its log position; absent when it never expired. */
  readonly expiredAt?: number;
  readonly expiredPosition?: number;
};

export type Spread = { readonly p50: number; readonly p99: number; readonly max: number };

/** p50/p99/max (nearest rank) of seconds; undefined for no values. */
export function spread(values: readonly number[]): Spread | undefined {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number) =>
    sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
  return { p50: round(at(0.5)), p99: round(at(0.99)), max: round(sorted.at(-1)!) };
}

/** The most events within any `windowMs` (sorted epoch ms). */
export function peakPerWindow(times: readonly number[], windowMs = 1000): number {
  let peak = 0;
  for (let from = 0, to = 0; to < times.length; to++) {
    while (times[to]! - times[from]! >= windowMs) from++;
    peak = Math.max(peak, to - from + 1);
  }
  return peak;
}

export type ExpiryPath = {
  readonly holds: number;
  readonly expired: number;
  /** Epoch ms: the first and the last hold came due; the last `BookingExpired` of the wave appended. */
  readonly firstDueAt: number;
  readonly lastDueAt: number;
  readonly lastExpiredAt?: number;
  /** Position of the wave's last `BookingExpired` in the log (what every follower must pass). */
  readonly lastExpiredPosition?: number;
  /** Seconds from a hold's due time to its `BookingExpired` (the sweeper's delay). */
  readonly dueToExpired?: Spread;
  /** Most holds past due at one moment whose `BookingExpired` was not in the log yet. */
  readonly peakOverdue: number;
};

export function expiryPath(bookings: readonly WaveBooking[]): ExpiryPath {
  const expired = bookings.filter((booking) => booking.expiredAt !== undefined);
  const dues = bookings.map((booking) => booking.dueAt);
  // +1 when a hold comes due, −1 when its expiry is appended (a due time ties before its expiry).
  const steps = bookings
    .flatMap((booking) => [
      { at: booking.dueAt, delta: 1 },
      ...(booking.expiredAt === undefined ? [] : [{ at: booking.expiredAt, delta: -1 }]),
    ])
    .sort((a, b) => a.at - b.at || b.delta - a.delta);
  let overdue = 0;
  let peakOverdue = 0;
  for (const step of steps) peakOverdue = Math.max(peakOverdue, (overdue += step.delta));
  const last = expired.reduce<WaveBooking | undefined>(
    (latest, booking) => (!latest || booking.expiredPosition! > latest.expiredPosition! ? booking : latest),
    undefined,
  );
  const dueToExpired = spread(expired.map((booking) => (booking.expiredAt! - booking.dueAt) / 1000));
  return {
    holds: bookings.length,
    expired: expired.length,
    firstDueAt: minOf(dues),
    lastDueAt: maxOf(dues),
    ...(expired.length > 0 ? { lastExpiredAt: maxOf(expired.map((booking) => booking.expiredAt!)) } : {}),
    ...(last ? { lastExpiredPosition: last.expiredPosition! } : {}),
    ...(dueToExpired ? { dueToExpired } : {}),
    peakOverdue,
  };
}

export type MailDelivery = {
  /** Wave bookings whose expiry mail arrived: exactly once, never, more than once (and the extra mails). */
  readonly once: number;
  readonly missing: number;
  readonly duplicated: number;
  readonly extraMails: number;
  /** Expiry mails of other bookings (the reservation probe's holds) and other mails. */
  readonly otherExpiryMails: number;
  readonly otherMails: number;
  /** Per second at the SMTP server, the wave's expiry mails: most within any second, and on average from the first to the last. */
  readonly peakPerSecond: number;
  readonly meanPerSecond: number;
  readonly firstAt?: number;
  readonly lastAt?: number;
  /** Seconds from the wave's last `BookingExpired` append to its last expiry mail. */
  readonly lastMailAfterLastExpiry?: number;
  /** Per booking, seconds from its `BookingExpired` to its (first) mail, and from its due time to it. */
  readonly expiredToMail?: Spread;
  readonly dueToMail?: Spread;
};

export function mailDelivery(bookings: readonly WaveBooking[], arrivals: readonly Arrival[]): MailDelivery {
  const byId = new Map(bookings.map((booking) => [expiryMailId(booking.bookingId), booking] as const));
  const firstMail = new Map<string, number>();
  const count = new Map<string, number>();
  const times: number[] = [];
  let otherExpiryMails = 0;
  let otherMails = 0;
  for (const arrival of arrivals) {
    if (!byId.has(arrival.messageId)) {
      if (isExpiryMail(arrival.messageId)) otherExpiryMails++;
      else otherMails++;
      continue;
    }
    times.push(arrival.at);
    count.set(arrival.messageId, (count.get(arrival.messageId) ?? 0) + 1);
    if (!firstMail.has(arrival.messageId)) firstMail.set(arrival.messageId, arrival.at);
  }
  times.sort((a, b) => a - b);
  const counts = [...count.values()];
  const expiredTimes = bookings.flatMap((booking) =>
    booking.expiredAt === undefined ? [] : [booking.expiredAt],
  );
  const lastExpiredAt = expiredTimes.length > 0 ? maxOf(expiredTimes) : undefined;
  const firstAt = times[0];
  const lastAt = times.at(-1);
  const latencies = (from: (booking: WaveBooking) => number | undefined) =>
    spread(
      [...byId].flatMap(([id, booking]) => {
        const mail = firstMail.get(id);
        const start = from(booking);
        return mail === undefined || start === undefined ? [] : [(mail - start) / 1000];
      }),
    );
  const expiredToMail = latencies((booking) => booking.expiredAt);
  const dueToMail = latencies((booking) => booking.dueAt);
  return {
    once: counts.filter((n) => n === 1).length,
    missing: bookings.length - count.size,
    duplicated: counts.filter((n) => n > 1).length,
    extraMails: counts.reduce((sum, n) => sum + n - 1, 0),
    otherExpiryMails,
    otherMails,
    peakPerSecond: peakPerWindow(times),
    meanPerSecond:
      firstAt !== undefined && lastAt !== undefined && lastAt > firstAt
        ? Math.round(times.length / ((lastAt - firstAt) / 1000))
        : times.length,
    ...(firstAt === undefined ? {} : { firstAt }),
    ...(lastAt === undefined ? {} : { lastAt }),
    ...(lastAt !== undefined && lastExpiredAt !== undefined
      ? { lastMailAfterLastExpiry: round((lastAt - lastExpiredAt) / 1000) }
      : {}),
    ...(expiredToMail ? { expiredToMail } : {}),
    ...(dueToMail ? { dueToMail } : {}),
  };
}

/** Most expiry mails outstanding (`BookingExpired` in the log, mail not yet at the SMTP server). */
export const peakOutstanding = (samples: readonly WaveSample[]): number =>
  maxOf([0, ...samples.map((sample) => sample.expired - sample.mails)]);

/**
 * The follower had processed everything up to log position `position` at this sample: its oldest
 * unprocessed event (head − lag + 1) lies beyond it, or it had nothing left and the head had reached it.
 */
export function processedThrough(sample: Sample, name: string, position: number): boolean {
  const state = sample.followers[name];
  if (sample.error || !state || state.unknown) return false;
  if (state.lagEvents === 0) return sample.head >= position;
  return sample.head - state.lagEvents + 1 > position;
}

export type FollowerDrain = {
  readonly name: string;
  /** Largest lag from the first hold's due time until sampling ended: events (messages), seconds. */
  readonly peakBacklog: number;
  readonly peakLagSeconds: number;
  readonly lagSecondsLowerBound: boolean;
  /**
   * Seconds from the last hold's due time to the first sample in which the follower had processed the
   * wave's last `BookingExpired` (bus groups: consumed every message published by then); undefined: never.
   */
  readonly drainSeconds: number | undefined;
};

/** The moments of a wave on the probe's clock (ms). */
export type WaveWindow = {
  readonly firstDue: number;
  readonly lastDue: number;
  /** When sampling for the wave ended. */
  readonly end: number;
};

/**
 * Peak backlog and drain time of one follower. A log follower has drained at the first sample (at or
 * after the last due time) that finds it past `lastPosition`. A consumer group of the bus has drained
 * once its committed offsets reach the end offsets of the sample after the relay had passed
 * `lastPosition` (that sample's bus read certainly follows the relay's publish).
 */
export function followerDrain(
  samples: readonly Sample[],
  name: string,
  options: { window: WaveWindow; lastPosition: number | undefined; relay: string; busGroup: boolean },
): FollowerDrain {
  const { window, lastPosition } = options;
  const peak = summarizeFollower(samples, name, {
    start: window.firstDue,
    stop: window.lastDue,
    end: window.end,
  });
  const base = {
    name,
    peakBacklog: peak.maxLagEvents,
    peakLagSeconds: peak.maxLagSeconds,
    lagSecondsLowerBound: peak.lagSecondsLowerBound,
  };
  const after = samples.filter((sample) => !sample.error && sample.t >= window.lastDue);
  const since = (sample: Sample | undefined) =>
    sample === undefined ? undefined : round(Math.max(0, sample.t - window.lastDue) / 1000);
  if (lastPosition === undefined) return { ...base, drainSeconds: undefined };
  if (!options.busGroup)
    return {
      ...base,
      drainSeconds: since(after.find((sample) => processedThrough(sample, name, lastPosition))),
    };
  const relayed = after.findIndex((sample) => processedThrough(sample, options.relay, lastPosition));
  const reference =
    relayed < 0 ? undefined : after.slice(relayed + 1).find((s) => s.followers[name]?.offsets);
  const end = reference?.followers[name]?.offsets?.end;
  if (!reference || !end) return { ...base, drainSeconds: undefined };
  const drained = after.find((sample) => {
    const committed = sample.followers[name]?.offsets?.committed;
    return (
      sample.t >= reference.t &&
      committed !== undefined &&
      committed.length === end.length &&
      end.every((value, partition) => committed[partition]! >= value)
    );
  });
  return { ...base, drainSeconds: since(drained) };
}

export type SagaDue = {
  readonly peakPending: number;
  readonly peakDue: number;
  /**
   * Seconds from the last saga timeout's due time (last hold due + grace) to the first reading at or
   * after it with no command due; undefined: never within the sampling.
   */
  readonly drainSeconds: number | undefined;
  readonly dueAtEnd: number;
  readonly pendingAtEnd: number;
};

export function sagaDue(samples: readonly Sample[], window: WaveWindow, graceMs: number): SagaDue {
  const readings = samples.flatMap((sample) =>
    sample.sagaCommands && !sample.error && sample.t >= window.firstDue && sample.t <= window.end
      ? [{ t: sample.t, ...sample.sagaCommands }]
      : [],
  );
  const lastSagaDue = window.lastDue + graceMs;
  const drained = readings.find((reading) => reading.t >= lastSagaDue && reading.due === 0);
  const last = readings.at(-1);
  return {
    peakPending: maxOf([0, ...readings.map((reading) => reading.pending)]),
    peakDue: maxOf([0, ...readings.map((reading) => reading.due)]),
    drainSeconds: drained ? round(Math.max(0, drained.t - lastSagaDue) / 1000) : undefined,
    dueAtEnd: last?.due ?? 0,
    pendingAtEnd: last?.pending ?? 0,
  };
}
