import type { EventMetadata } from '../../domain/shared';

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

const systemPrefix = 'system:';
const text = (value: unknown): string | null =>
  typeof value === 'string' && value.length > 0 ? value : null;

export function actorOf(metadata: EventMetadata): AuditActor {
  const userId = text(metadata.userId);
  if (userId !== null && !userId.startsWith(systemPrefix)) {
    return { kind: 'user', userId, role: text(metadata.role), tenantId: text(metadata.tenantId) };
  }
  // The system names itself in `userId` (saga, sweeper) or `actor` (start-up jobs); else it is unnamed.
  const label = userId ?? text(metadata.actor);
  const name = label?.startsWith(systemPrefix) ? label.slice(systemPrefix.length) || 'unknown' : 'unknown';
  return { kind: 'system', userId: `${systemPrefix}${name}`, name };
}
