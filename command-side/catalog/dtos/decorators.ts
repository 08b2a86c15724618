import { ValidateBy, ValidateIf, type ValidationOptions } from 'class-validator';

const instantPattern =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(?:Z|[+-](\d{2}):(\d{2}))$/;

/** Days in a month (1–12) of the Gregorian calendar. */
function daysIn(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/**
 * True for an ISO 8601 instant whose every part exists: `Date.parse` alone takes `2031-02-30` (and
 * `T24:00`) and moves it to another day, which would store a date nobody asked for.
 */
function isInstant(value: unknown): boolean {
  if (typeof value !== 'string') return false;
  const parts = instantPattern.exec(value);
  if (!parts || !Number.isFinite(Date.parse(value))) return false;
  const part = (index: number) => Number(parts[index] ?? 0);
  const [year, month, day] = [part(1), part(2), part(3)];
  const [hour, minute, second, offsetHours, offsetMinutes] = [part(4), part(5), part(6), part(7), part(8)];
  return (
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= daysIn(year, month) &&
    hour <= 23 &&
    minute <= 59 &&
    second <= 59 &&
    offsetHours <= 23 &&
    offsetMinutes <= 59
  );
}

/** An ISO 8601 date and time with a zone (`Z` or an offset): a moment, never a local time. */
export function IsInstant(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isInstant',
      validator: {
        validate: isInstant,
        defaultMessage: (args) =>
          `${args?.property ?? 'value'} must be an ISO 8601 date and time with a zone, e.g. 2030-06-01T19:00:00Z`,
      },
    },
    options,
  );
}

/** May be left out; unlike `@IsOptional()`, an explicit null is still checked (and refused). */
export const Optional = (): PropertyDecorator => ValidateIf((_object, value) => value !== undefined);

/** Canonical UTC form of a validated instant. */
export const utc = (value: string): string => new Date(value).toISOString();
