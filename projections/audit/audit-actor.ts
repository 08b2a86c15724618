import type { EventMetadata } from '../../domain/shared';
import type { AuditActor } from './schema';

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
