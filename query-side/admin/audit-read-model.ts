import {
  liveCollection,
  type DocumentCollection,
  type DocumentStore,
} from '../../infra/ports/document-store';
import { auditLogCollection, auditProjectionName, type AuditEntry } from '../../projections/audit/schema';

/**
 * Who caused an event: a person (the user and role of the request) or the system (saga, sweeper,
 * seeding), whose `userId` is `system:<name>`.
 */
export type AuditActorView =
  | {
      readonly kind: 'user';
      readonly userId: string;
      readonly role: string | null;
      readonly tenantId: string | null;
    }
  | { readonly kind: 'system'; readonly userId: string; readonly name: string };

/** The event's data with secrets `[REDACTED]`; `$` and `.` in field names read as `＄` and `．`. */
export type AuditChanges = Readonly<Record<string, unknown>>;

/** One entry of `GET /admin/audit-logs`: one event, who caused it, from where, and what it changed. */
export type AuditEntryView = {
  /** @format uuid */
  readonly eventId: string;
  /**
   * When the event was stored.
   * @format date-time
   */
  readonly at: string;
  /** The event's global position in the log. */
  readonly position: number;
  readonly streamId: string;
  /** 0-based index of the event in its stream. */
  readonly revision: number;
  /** The stream's category and id: `booking-<id>` is `{ type: 'booking', id }`. */
  readonly entity: { readonly type: string; readonly id: string };
  /** The event type, e.g. `BookingReserved`. */
  readonly action: string;
  readonly actor: AuditActorView;
  /** The client's address, when a request caused it. */
  readonly ip: string | null;
  readonly userAgent: string | null;
  /** Shared by every event one request caused, directly or through the saga. */
  readonly correlationId: string | null;
  /** The id of what caused it: the event before it in the chain (or the booking an expiry ended). */
  readonly causationId: string | null;
  /** The W3C `traceparent` of the span that handled the request (in the caller's trace); null while tracing is off. */
  readonly traceparent: string | null;
  readonly changes: AuditChanges;
};

export function auditLog(store: DocumentStore): Promise<DocumentCollection<AuditEntry>> {
  return liveCollection<AuditEntry>(store, auditProjectionName, auditLogCollection);
}

export function toAuditEntryView(entry: AuditEntry): AuditEntryView {
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
