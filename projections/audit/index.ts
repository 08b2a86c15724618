export { toAuditEntry } from './audit-entry';
export { auditIndexes, auditProjection } from './audit-projection';
export { auditLogCollection, auditProjectionName, type AuditActor, type AuditEntry } from './schema';
