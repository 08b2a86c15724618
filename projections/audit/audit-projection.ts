import type { IndexSpec } from '../../infra/ports/document-store';
import type { DocumentProjection } from '../documents';
import { toAuditEntry } from './audit-entry';
import { auditLogCollection, auditProjectionName, type AuditEntry } from './schema';

/** The searches of `GET /admin/audit-logs`, newest first. */
export const auditIndexes: readonly IndexSpec[] = [
  { fields: { at: -1 } },
  { fields: { 'actor.userId': 1, at: -1 } },
  { fields: { action: 1, at: -1 } },
  { fields: { 'entity.type': 1, 'entity.id': 1, at: -1 } },
  { fields: { correlationId: 1 } },
  { fields: { streamId: 1 } },
];

/**
 * The audit log: one entry per event of every stream, inserted with the event id as `_id` in one
 * unordered bulk insert per batch, so a re-applied batch adds nothing.
 */
export const auditProjection: DocumentProjection = {
  name: auditProjectionName,
  version: 1,
  collections: [auditLogCollection],
  async setup(collections) {
    await collections.get(auditLogCollection).ensureIndexes(auditIndexes);
  },
  async apply(events, collections) {
    if (events.length === 0) return;
    await collections.get<AuditEntry>(auditLogCollection).insertMany(events.map(toAuditEntry));
  },
};
