import { isSecretStream } from '../../domain/identity';
import { redactSecrets } from '../../domain/shared';
import type { SequencedEvent } from '../documents';
import { categoryOf } from '../../infra/ports/event-store';
import { actorOf } from './audit-actor';
import type { AuditEntry } from './schema';

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
    // Event data is a JSON object, and a redacted copy keeps its shape.
    changes: redactSecrets(event.data, {
      secretStream: isSecretStream(event.streamId),
      renameKey: safeKey,
    }) as AuditEntry['changes'],
  };
}
