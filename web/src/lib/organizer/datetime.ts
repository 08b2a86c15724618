const pad = (n: number) => String(n).padStart(2, '0');

/** An instant as a `datetime-local` value (`2030-06-01T19:00`) in the browser's time zone; '' for none. */
export function toLocalInput(iso: string | null | undefined): string {
  if (!iso) return '';
  const at = new Date(iso);
  if (!Number.isFinite(at.getTime())) return '';
  return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}T${pad(at.getHours())}:${pad(at.getMinutes())}`;
}

const localPattern = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;

/**
 * A `datetime-local` value (local time, no zone) as an ISO 8601 UTC instant; undefined when it is not a
 * real date and time (e.g. February 30th).
 */
export function fromLocalInput(value: string): string | undefined {
  const match = localPattern.exec(value.trim());
  if (!match) return undefined;
  const [year, month, day, hours, minutes, seconds] = match.slice(1).map((part) => Number(part ?? 0)) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const at = new Date(year, month - 1, day, hours, minutes, seconds);
  const realDay = at.getFullYear() === year && at.getMonth() === month - 1 && at.getDate() === day;
  return realDay && hours < 24 && minutes < 60 && seconds < 60 ? at.toISOString() : undefined;
}

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** An instant in the browser's locale and time zone, e.g. "1 Jun 2030, 19:00". */
export const formatDateTime = (iso: string): string => dateFormat.format(new Date(iso));
