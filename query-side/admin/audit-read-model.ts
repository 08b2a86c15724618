import {
  liveCollection,
  type DocumentCollection,
  type DocumentStore,
} from '../../infra/ports/document-store';

/** The read model of `projections/audit`: its projection name and logical collection. */
export const auditProjectionName = 'audit';
export const auditLogCollection = 'audit_log';

export type AuditActorView =
  | {
      readonly kind: 'user';
      readonly userId: string;
      readonly role: string | null;
      readonly tenantId: string | null;
    }
  | { readonly kind: 'system'; readonly userId: string; readonly name: string };

/** An audit entry as stored: `_id` is the event id, `changes` the event data with secrets redacted. */
export type AuditEntryDocument = {
  _id: string;
  at: Date;
  position: number;
  streamId: string;
  revision: number;
  entity: { type: string; id: string };
  action: string;
  actor: AuditActorView;
  ip: string | null;
  userAgent: string | null;
  correlationId: string | null;
  causationId: string | null;
  traceparent: string | null;
  changes: unknown;
};

/** One entry of `GET /admin/audit-logs`. */
export type AuditEntryView = {
  readonly eventId: string;
  readonly at: string;
  readonly position: number;
  readonly streamId: string;
  readonly revision: number;
  readonly entity: { readonly type: string; readonly id: string };
  readonly action: string;
  readonly actor: AuditActorView;
  readonly ip: string | null;
  readonly userAgent: string | null;
  readonly correlationId: string | null;
  readonly causationId: string | null;
  readonly traceparent: string | null;
  readonly changes: unknown;
};

export function auditLog(store: DocumentStore): Promise<DocumentCollection<AuditEntryDocument>> {
  return liveCollection<AuditEntryDocument>(store, auditProjectionName, auditLogCollection);
}

export function toAuditEntryView(entry: AuditEntryDocument): AuditEntryView {
  return {
    eventId: entry._id,
    at: entry.at.toISOString(),
    position: entry.position,
    streamId: entry.streamId,
    revision: entry.revision,
    entity: entry.entity,
    action: entry.action,
    actor: entry.actor,
    ip: entry.ip,
    userAgent: entry.userAgent,
    correlationId: entry.correlationId,
    causationId: entry.causationId,
    traceparent: entry.traceparent,
    changes: entry.changes,
  };
}
