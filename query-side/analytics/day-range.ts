import { AppError } from '../../domain/shared';
import { defaultDailyDays, maxDailyDays } from './analytics-queries';
import { addDays, dayString, daysBetween } from './series';

const invalid = (field: string, reason: string) =>
  new AppError('VALIDATION_ERROR', `${field}: ${reason}`, [{ field, reasons: [reason] }]);

const isCalendarDay = (day: string) => {
  const at = new Date(`${day}T00:00:00.000Z`);
  return !Number.isNaN(at.getTime()) && dayString(at) === day;
};

/**
 * The UTC days a daily report covers, both inclusive: `to` defaults to `today`, `from` to the
 * `defaultDailyDays` days ending at `to`. 400 for a day that does not exist, `from` after `to`, or a
 * range longer than `maxDailyDays` days.
 */
export function dayRange(query: { from?: string; to?: string }, today: string): { from: string; to: string } {
  for (const field of ['from', 'to'] as const) {
    const day = query[field];
    if (day !== undefined && !isCalendarDay(day)) throw invalid(field, `${day} is not a calendar day`);
  }
  const to = query.to ?? (query.from === undefined ? today : maxOf(query.from, today));
  const from = query.from ?? addDays(to, -(defaultDailyDays - 1));
  if (from > to) throw invalid('from', 'from must not be after to');
  if (daysBetween(from, to) + 1 > maxDailyDays) {
    throw invalid('to', `a report covers at most ${maxDailyDays} days`);
  }
  return { from, to };
}

const maxOf = (a: string, b: string) => (a > b ? a : b);
