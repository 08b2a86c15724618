import { AppError } from '../../domain/shared';
import type { DocumentStore, Filter } from '../../infra/ports/document-store';
import { auditCursorPattern, defaultAuditLimit, type AuditLogQuery } from './audit-log-query';
import { auditLog, toAuditEntryView, type AuditEntryView } from './audit-read-model';

export type AuditPage = {
  readonly entries: AuditEntryView[];
  /** Pass as `after` for the next page; null when this page is the last. */
  readonly next: string | null;
};

/** `meta` of a page of `GET /admin/audit-logs`. */
export type AuditLogPageMeta = {
  readonly limit: number;
  /** Pass as `after` for the next page; null when this page is the last. */
  readonly next: string | null;
};

type Cursor = { readonly at: Date; readonly id: string };

const formatCursor = (entry: { at: Date; _id: string }): string => `${entry.at.getTime()}_${entry._id}`;

function parseCursor(value: string): Cursor {
  const match = auditCursorPattern.exec(value);
  if (!match) throw new AppError('VALIDATION_ERROR', 'after must be a meta.next value of this search');
  return { at: new Date(Number(match[1])), id: match[2]! };
}

function dateOf(value: string | undefined): Date | undefined {
  return value === undefined ? undefined : new Date(value);
}

/** The MongoDB filter of a search: equality on the indexed fields, a time range, and the cursor. */
export function auditFilter(query: AuditLogQuery): Filter {
  const from = dateOf(query.from);
  const to = dateOf(query.to);
  if (from && to && from.getTime() >= to.getTime()) {
    throw new AppError('VALIDATION_ERROR', 'from must be before to');
  }
  const filter: Filter = {
    ...(query.userId !== undefined && { 'actor.userId': query.userId }),
    ...(query.action !== undefined && { action: query.action }),
    ...(query.entityType !== undefined && { 'entity.type': query.entityType }),
    ...(query.entityId !== undefined && { 'entity.id': query.entityId }),
    ...(query.streamId !== undefined && { streamId: query.streamId }),
    ...(query.correlationId !== undefined && { correlationId: query.correlationId }),
  };
  if (from || to) filter.at = { ...(from && { $gte: from }), ...(to && { $lt: to }) };
  if (query.after !== undefined) {
    // Newest first by (at, _id): the next page holds what sorts after the last entry seen, so entries
    // added meanwhile never shift a page (they are newer, or land before the cursor).
    const cursor = parseCursor(query.after);
    filter.$or = [{ at: { $lt: cursor.at } }, { at: cursor.at, _id: { $lt: cursor.id } }];
  }
  return filter;
}

/** One page of the audit log, newest first. */
export async function searchAuditLog(store: DocumentStore, query: AuditLogQuery): Promise<AuditPage> {
  const limit = query.limit ?? defaultAuditLimit;
  const log = await auditLog(store);
  // One more than asked tells whether another page follows.
  const found = await log.find(auditFilter(query), { sort: { at: -1, _id: -1 }, limit: limit + 1 });
  const page = found.slice(0, limit);
  const last = page.at(-1);
  return {
    entries: page.map(toAuditEntryView),
    next: found.length > limit && last ? formatCursor(last) : null,
  };
}

export async function readAuditEntry(store: DocumentStore, eventId: string): Promise<AuditEntryView> {
  const [entry] = await (await auditLog(store)).find({ _id: eventId });
  if (!entry) throw new AppError('NOT_FOUND', `No audit entry for event ${eventId}`);
  return toAuditEntryView(entry);
}
