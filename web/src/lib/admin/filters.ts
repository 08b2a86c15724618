import type { AuditSearch } from '../api/admin';

/** Stream ids are `<category>-<id>` (the event store's rule for names). */
const streamIdPattern = /^[a-z][A-Za-z0-9]{0,49}-[\x21-\x7e]+$/;

/** The trimmed stream id, or why it cannot be one. */
export function parseStreamId(
  input: string,
): { ok: true; streamId: string } | { ok: false; message: string } {
  const streamId = input.trim();
  if (!streamId) return { ok: false, message: 'Enter a stream id such as booking-<booking id>.' };
  if (!streamIdPattern.test(streamId) || streamId.length > 250)
    return { ok: false, message: 'A stream id looks like <category>-<id>, for example booking-1f2e….' };
  return { ok: true, streamId };
}

/** A `datetime-local` value (local time, no zone) as ISO 8601 UTC; undefined when empty or invalid. */
export function localToIso(value: string): string | undefined {
  if (!value.trim()) return undefined;
  const at = new Date(value);
  return Number.isNaN(at.getTime()) ? undefined : at.toISOString();
}

/** ISO 8601 as a `datetime-local` value in the browser's time zone; '' when absent or invalid. */
export function isoToLocal(iso: string | null | undefined): string {
  if (!iso) return '';
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return '';
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}T${pad(at.getHours())}:${pad(at.getMinutes())}`;
}

/** The audit search's fields, in the order the form shows them; each is also its URL query key. */
export const auditFields = [
  'userId',
  'action',
  'entityType',
  'entityId',
  'streamId',
  'correlationId',
] as const;
export type AuditField = (typeof auditFields)[number];

/** What the audit form holds: text fields as typed, times as `datetime-local` values. */
export type AuditForm = Record<AuditField, string> & { from: string; to: string };

/** The search the form describes: trimmed, empty fields left out, times in UTC. */
export function auditSearchFromForm(form: AuditForm): AuditSearch {
  const search: Record<string, string> = {};
  for (const field of auditFields) {
    const value = form[field].trim();
    if (value) search[field] = value;
  }
  const from = localToIso(form.from);
  const to = localToIso(form.to);
  if (from) search.from = from;
  if (to) search.to = to;
  return search;
}

/** The search a page URL holds (`?action=…&from=…&after=…`), as the API takes it. */
export function auditSearchFromUrl(params: { get(name: string): string | null }): AuditSearch {
  const search: Record<string, string> = {};
  for (const key of [...auditFields, 'from', 'to', 'after'] as const) {
    const value = params.get(key)?.trim();
    if (value) search[key] = value;
  }
  return search;
}

/** The form showing a search (times back in local time). */
export function auditFormFromSearch(search: AuditSearch): AuditForm {
  const form = { from: isoToLocal(search.from), to: isoToLocal(search.to) } as AuditForm;
  for (const field of auditFields) form[field] = search[field] ?? '';
  return form;
}

/** The global feed's filters: `booking, payment` → `booking,payment` (the API takes comma lists). */
export function listFilter(input: string): string | undefined {
  const parts = input
    .split(/[\s,]+/)
    .map((part) => part.trim())
    .filter(Boolean);
  return parts.length ? [...new Set(parts)].join(',') : undefined;
}

/** A filter of the page URL (`booking,payment`) as the API's list parameter; undefined when empty. */
export const listItems = (filter: string): string[] | undefined => listFilter(filter)?.split(',');

/** `?a=1&b=2` for a page URL from the non-empty values; '' when there are none. */
export function pageQuery(params: Record<string, string | number | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params))
    if (value !== undefined && value !== '') search.set(key, String(value));
  const text = search.toString();
  return text ? `?${text}` : '';
}
