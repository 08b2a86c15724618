export type { AuditActor } from './audit-actor';
export { toAuditEntry, type AuditEntry } from './audit-entry';
export { auditIndexes, auditLogCollection, auditProjection, auditProjectionName } from './audit-projection';
