import { isSecretStream } from '../../domain/identity';
import { redactSecrets } from '../../domain/shared';
import type { SequencedEvent } from '../documents';
import { categoryOf } from '../../infra/ports/event-store';
import { actorOf, type AuditActor } from './audit-actor';

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
  /** The event data, secrets redacted. */
  readonly changes: unknown;
};

/** Nothing from a user or a client may turn a field into a MongoDB operator or a dotted path. */
export const safeKey = (key: string): string => key.replace(/^\$/, '\uff04').replace(/\./g, '\uff0e');

const text = (value: unknown): string | null =>
  typeof value === 'string' && value.length > 0 ? value : null;

export function toAuditEntry(event: SequencedEvent): AuditEntry {
  const { metadata } = event;
  const category = categoryOf(event.streamId);
  return {
    _id: event.id,
    at: event.createdAt,
    position: event.position,
    sequence: event.sequence,
    streamId: event.streamId,
    revision: event.revision,
    category,
    entity: { type: category, id: event.streamId.slice(category.length + 1) },
    action: event.type,
    actor: actorOf(metadata),
    ip: text(metadata.ip),
    userAgent: text(metadata.userAgent),
    correlationId: text(metadata.correlationId),
    causationId: text(metadata.causationId),
    traceparent: text(metadata.traceparent),
    changes: redactSecrets(event.data, { secretStream: isSecretStream(event.streamId), renameKey: safeKey }),
  };
}
