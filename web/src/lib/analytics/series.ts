import type { MinutePoint } from '../api/analytics';
import { buckets } from '../charts/buckets';

/** The per-minute counters the dashboard charts, for one minute or a group of minutes. */
export type MinuteRow = {
  /** ISO start of the (first) minute. */
  start: string;
  reservations: number;
  confirmations: number;
  expiries: number;
  seatsExpired: number;
  seatsSold: number;
};

/** The API's minute points summed in consecutive groups of `size` minutes (1 keeps every minute). */
export function minuteRows(points: readonly MinutePoint[], size = 1): MinuteRow[] {
  return buckets(points, size).map((group) => ({
    start: group[0]!.minute,
    reservations: group.reduce((sum, point) => sum + point.reservations, 0),
    confirmations: group.reduce((sum, point) => sum + point.confirmations, 0),
    expiries: group.reduce((sum, point) => sum + point.expiries, 0),
    seatsExpired: group.reduce((sum, point) => sum + point.seatsExpired, 0),
    seatsSold: group.reduce((sum, point) => sum + point.seatsSold, 0),
  }));
}

export type DateFormatOptions = { locale?: string; timeZone?: string };

/** A minute's time of day as the browser's locale writes it, e.g. "14:05" or "2:05 PM". */
export function timeLabel(iso: string, options: DateFormatOptions = {}): string {
  return new Intl.DateTimeFormat(options.locale, {
    hour: 'numeric',
    minute: '2-digit',
    ...(options.timeZone ? { timeZone: options.timeZone } : {}),
  }).format(new Date(iso));
}

/** A UTC day (`YYYY-MM-DD`, as the daily report counts) as a short date, e.g. "Mar 9". */
export function dayLabel(day: string, locale?: string): string {
  return new Intl.DateTimeFormat(locale, { month: 'short', day: 'numeric', timeZone: 'UTC' }).format(
    new Date(`${day}T00:00:00.000Z`),
  );
}

/** The realtime window's choices, in minutes, within what the API allows (1440). */
export const realtimeRanges = [
  { minutes: 15, label: 'Last 15 minutes' },
  { minutes: 60, label: 'Last hour' },
  { minutes: 180, label: 'Last 3 hours' },
  { minutes: 360, label: 'Last 6 hours' },
  { minutes: 1440, label: 'Last 24 hours' },
] as const;
