/** Metadata carried by every stored event; it is the audit trail (docs/architecture.md, "Event model"). */
export type EventMetadata = {
  eventId?: string;
  correlationId?: string;
  causationId?: string;
  userId?: string;
  /** The role of the signed-in user who caused the event, when one did. */
  role?: string;
  tenantId?: string;
  ip?: string;
  userAgent?: string;
  traceparent?: string;
  schemaVersion?: number;
  [key: string]: unknown;
};

/** A domain event as a type: one union of these per aggregate. */
export type Event<Type extends string = string, Data extends object = Record<string, unknown>> = {
  readonly type: Type;
  readonly data: Data;
  readonly metadata?: EventMetadata;
};
