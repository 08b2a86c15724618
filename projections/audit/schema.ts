// The read model of this projection, as its queries (query-side/admin) read it: the one place its
// collection and entries are declared, so a renamed field fails to compile on both sides.

/** The projection's name: queries find the live generation of its collection under it. */
export const auditProjectionName = 'audit';
/** Logical collection name (each generation gets its own physical one). */
export const auditLogCollection = 'audit_log';

/**
 * Who caused an event. A person (the user and role of the request) or the system (saga, sweeper,
 * seeding), whose `userId` is `system:<name>` so that one search by user finds either.
 */
export type AuditActor =
  | {
      readonly kind: 'user';
      readonly userId: string;
      readonly role: string | null;
      readonly tenantId: string | null;
    }
  | { readonly kind: 'system'; readonly userId: string; readonly name: string };

/** One stored event as the audit log keeps it: who, what, when and the correlation chain. */
export type AuditEntry = {
  /** The event id: a re-applied batch finds its entries already there. */
  readonly _id: string;
  readonly at: Date;
  readonly position: number;
  readonly sequence: number;
  readonly streamId: string;
  readonly revision: number;
  readonly category: string;
  readonly entity: { readonly type: string; readonly id: string };
  /** The event type, e.g. `BookingReserved`. */
  readonly action: string;
  readonly actor: AuditActor;
  readonly ip: string | null;
  readonly userAgent: string | null;
  readonly correlationId: string | null;
  readonly causationId: string | null;
  readonly traceparent: string | null;
  /** The event data, secrets redacted; `$` and `.` in field names stored as `＄` and `．`. */
  readonly changes: Readonly<Record<string, unknown>>;
};
