import type { EventSummary } from './api/types';

/** Milliseconds from `now` until `target` (never negative). */
export function remainingMs(target: string | Date, now: number): number {
  const at = typeof target === 'string' ? Date.parse(target) : target.getTime();
  return Number.isFinite(at) ? Math.max(0, at - now) : 0;
}

const pad = (value: number) => String(value).padStart(2, '0');

/**
 * A countdown as a clock: `9:05` under an hour, `2:09:05` under a day, `3d 02:09:05` beyond.
 * Rounds up, so the clock reads `0:00` only when the time is really over.
 */
export function formatCountdown(ms: number): string {
  const total = Math.ceil(Math.max(0, ms) / 1000);
  const days = Math.floor(total / 86_400);
  const hours = Math.floor((total % 86_400) / 3_600);
  const minutes = Math.floor((total % 3_600) / 60);
  const seconds = total % 60;
  if (days > 0) return `${days}d ${pad(hours)}:${pad(minutes)}:${pad(seconds)}`;
  if (hours > 0) return `${hours}:${pad(minutes)}:${pad(seconds)}`;
  return `${minutes}:${pad(seconds)}`;
}

/** The same in words, for screen readers: "9 minutes 5 seconds". */
export function describeCountdown(ms: number): string {
  const total = Math.ceil(Math.max(0, ms) / 1000);
  const parts: [number, string][] = [
    [Math.floor(total / 86_400), 'day'],
    [Math.floor((total % 86_400) / 3_600), 'hour'],
    [Math.floor((total % 3_600) / 60), 'minute'],
    [total % 60, 'second'],
  ];
  const words = parts
    .filter(([value]) => value > 0)
    .map(([value, unit]) => `${value} ${unit}${value === 1 ? '' : 's'}`);
  return words.length ? words.join(' ') : '0 seconds';
}

/** Where a sale stands at `now`. */
export function saleState(
  sale: Pick<EventSummary, 'saleStartsAt' | 'saleEndsAt'>,
  now: number,
): 'upcoming' | 'open' | 'ended' {
  if (now < Date.parse(sale.saleStartsAt)) return 'upcoming';
  if (now >= Date.parse(sale.saleEndsAt)) return 'ended';
  return 'open';
}
