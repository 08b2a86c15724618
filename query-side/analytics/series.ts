import { addCounters, emptyActivity, type AnalyticsActivity } from './analytics-views';
import type { DailyDocument, MinuteDocument } from '../../projections/analytics/schema';

const minuteMs = 60_000;
const dayMs = 86_400_000;

export type AnalyticsMinutePoint = AnalyticsActivity & {
  /**
   * The minute's start (UTC).
   * @format date-time
   */
  minute: string;
};
export type AnalyticsDayPoint = AnalyticsActivity & {
  /**
   * The UTC day.
   * @format date
   */
  day: string;
};

export const startOfMinute = (at: number): Date => new Date(Math.floor(at / minuteMs) * minuteMs);
export const dayString = (at: Date): string => at.toISOString().slice(0, 10);
export const addDays = (day: string, days: number): string =>
  dayString(new Date(Date.parse(`${day}T00:00:00.000Z`) + days * dayMs));
export const daysBetween = (from: string, to: string): number =>
  Math.round((Date.parse(`${to}T00:00:00.000Z`) - Date.parse(`${from}T00:00:00.000Z`)) / dayMs);

/** One point per minute from `from`, `count` of them, zones and currencies summed; minutes without activity are zeros. */
export function minuteSeries(
  docs: readonly MinuteDocument[],
  from: Date,
  count: number,
): AnalyticsMinutePoint[] {
  const points = Array.from({ length: count }, (_, index) => ({
    minute: new Date(from.getTime() + index * minuteMs).toISOString(),
    ...emptyActivity(),
  }));
  for (const doc of docs) {
    const index = Math.round((new Date(doc.minute).getTime() - from.getTime()) / minuteMs);
    const point = points[index];
    if (point) addCounters(point, doc);
  }
  return points;
}

/** One point per day from `from` to `to` (inclusive), zones and currencies summed; quiet days are zeros. */
export function daySeries(docs: readonly DailyDocument[], from: string, to: string): AnalyticsDayPoint[] {
  const points = Array.from({ length: daysBetween(from, to) + 1 }, (_, index) => ({
    day: addDays(from, index),
    ...emptyActivity(),
  }));
  for (const doc of docs) {
    const point = points[daysBetween(from, doc.day)];
    if (point) addCounters(point, doc);
  }
  return points;
}
